//! Training: tasks, skills, courses, training plans.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Training;
    plain {
        // Training: the tab and its views
        TabTraining => "Opleiding", "Training";
        ViewPlans => "Opleidingsplannen", "Training plans";
        ViewCatalogues => "Catalogus", "Catalogue";
        ViewCoverage => "Dekking en budget", "Coverage and budget";
        ListSkills => "Vaardigheden", "Skills";
        ListTasks => "Taakomschrijvingen", "Task descriptions";
        ListCourses => "Cursussen", "Courses";
        ColTasks => "Taken (huidige overeenkomst)", "Tasks (current agreement)";
        ColValidity => "Geldig", "Valid";
        ColSkills => "Vaardigheden", "Skills";
        ColProvider => "Aanbieder", "Provider";
        ColHoursShort => "Uren", "Hours";
        ColCost => "Kosten", "Cost";
        ColPlace => "Plaats", "Place";
        ColTask => "Taak", "Task";
        ColHolders => "ED'ers", "Experts";
        ColSkill => "Vaardigheid", "Skill";
        ColExpires => "Verloopt", "Expires";
        NoTrainingExperts => "Nog geen ervaringsdeskundigen met een overeenkomst (tabblad Vrijwilligers).", "No experts with an agreement yet (experts tab).";
        NoCurrentAgreement => "geen lopende overeenkomst", "no current agreement";
        EmptyCatalogue => "Nog niets in deze lijst: druk op n.", "Nothing in this list yet: press n.";
        CatalogueHint => "[/]: andere lijst", "[/]: other list";
        // Training: the plan of an expert
        GapMissing => "Ontbreekt", "Missing";
        GapNothing => "niets: alle vaardigheden voor de taken zijn er", "nothing: every skill the tasks need is held";
        GapExpiring => "Verloopt binnenkort", "Expiring soon";
        GapNoTasks => "geen taken met een taakomschrijving in de huidige overeenkomst", "no tasks with a task description in the current agreement";
        SuggestedCourses => "Voorgestelde cursussen", "Suggested courses";
        NoCourseFound => "Geen cursus gevonden", "No course found";
        Teaches => "leert", "teaches";
        SkillsHeld => "Vaardigheden", "Skills held";
        NoSkillsHeld => "nog geen", "none yet";
        DoesNotExpire => "verloopt niet", "does not expire";
        FromExperience => "ervaring", "experience";
        PlanOtherHalves => "Andere halfjaren", "Other half years";
        PlanEmpty => "nog niets gepland: a stelt een cursus voor", "nothing planned yet: a proposes a course";
        ItemProposed => "voorgesteld", "proposed";
        Online => "online", "online";
        DetailPlan => "Opleidingsplan", "Training plan";
        DetailSkill => "Vaardigheid", "Skill";
        DetailTask => "Taakomschrijving", "Task description";
        DetailCourse => "Cursus", "Course";
        Description => "Omschrijving", "Description";
        // Training: coverage and budget
        CoverageTitle => "Dekking: lopende ED'ers met alle vaardigheden van de taak", "Coverage: active experts holding every skill of the task";
        NoTasksYet => "Nog geen taakomschrijvingen (weergave Catalogus).", "No task descriptions yet (Catalogue view).";
        NoneExpiring => "Geen vaardigheden die binnenkort verlopen.", "No skills expiring soon.";
        WithinBudget => "binnen het budget", "within the budget";
        HalfKeys => "[/] ander halfjaar", "[/] other half year";
        // Training: forms, pickers, questions, status line
        FormNewSkill => "Nieuwe vaardigheid", "New skill";
        FormEditSkill => "Vaardigheid wijzigen", "Edit the skill";
        FormNewTask => "Nieuwe taakomschrijving", "New task description";
        FormEditTask => "Taakomschrijving wijzigen", "Edit the task description";
        FormNewCourse => "Nieuwe cursus", "New course";
        FormEditCourse => "Cursus wijzigen", "Edit the course";
        FormPropose => "Cursus voorstellen", "Propose a course";
        FormAgree => "Afgesproken met de ED'er", "Agreed with the expert";
        FormEnroll => "Ingeschreven", "Enrolled";
        FormComplete => "Cursus afgerond", "Course completed";
        FormCancelItem => "Planitem annuleren", "Cancel the plan item";
        FormHeld => "Vaardigheid uit ervaring", "Skill from experience";
        FieldDescription => "Omschrijving", "Description";
        FieldValidity => "Geldig (maanden, leeg: altijd)", "Valid (months, empty: always)";
        FieldSkills => "Vaardigheden (scheid met ;)", "Skills (separate with ;)";
        FieldProvider => "Aanbieder", "Provider";
        FieldHours => "Uren", "Hours";
        FieldCost => "Kosten (€)", "Cost (€)";
        FieldPlaceOnline => "Plaats (leeg: online)", "Place (empty: online)";
        FieldCourse => "Cursus", "Course";
        FieldSkill => "Vaardigheid", "Skill";
        FieldAcquired => "Verworven op", "Acquired on";
        FieldOn => "Datum", "Date";
        PickCourse => "Cursus kiezen (★ voorgesteld)", "Choose a course (★ suggested)";
        NoCourses => "Nog geen cursussen: voeg ze toe in de Catalogus.", "No courses yet: add them in the Catalogue.";
        NoSkills => "Nog geen vaardigheden: voeg ze toe in de Catalogus.", "No skills yet: add them in the Catalogue.";
        NoExpertSelected => "Geen ED'er geselecteerd.", "No expert selected.";
        NoItemSelected => "Geen planitem geselecteerd (←/→ kiest).", "No plan item selected (←/→ chooses).";
        ChooseCourseFirst => "Kies eerst een cursus voor deze wens (w).", "Choose a course for this wish first (w).";
        NotAWish => "Dit planitem heeft al een cursus en is niet meer open.", "This plan item already has a course and is not open any more.";
        // Training: keys
        KeyPlanDetail => "het hele plan van deze ED'er", "this expert's whole plan";
        KeyPlanItem => "vorig/volgend planitem", "previous/next plan item";
        KeyPropose => "cursus voorstellen", "propose a course";
        KeyChooseCourse => "cursus kiezen voor een wens", "choose the course of a wish";
        KeyAgree => "afgesproken met de ED'er", "agreed with the expert";
        KeyEnroll => "ingeschreven", "enrolled";
        KeyComplete => "afgerond (voegt de vaardigheden toe)", "completed (adds the skills)";
        KeyCancelItem => "planitem annuleren", "cancel the plan item";
        KeyAddHeld => "vaardigheid uit ervaring toevoegen", "add a skill from experience";
        KeyPlanPdf => "opleidingsplan afdrukken (PDF)", "print the training plan (PDF)";
        KeyCatalogue => "vaardigheden / taken / cursussen", "skills / tasks / courses";
        KeyNewEntry => "nieuw in deze lijst", "new in this list";
        KeyEditEntry => "wijzigen", "edit";
        KeyHalfYear => "vorig/volgend halfjaar (budget)", "previous/next half year (budget)";
    }
    args {
        ExpiresOn { date } => "verloopt {date}", "expires {date}";
        ExpiredOn { date } => "verlopen {date}", "expired {date}";
        FromCourse { name } => "cursus {name}", "course {name}";
        PlanThisHalf { half } => "Plan {half}", "Plan {half}";
        Wish { wish } => "wens: {wish}", "wish: {wish}";
        HalfFirst { year } => "1e halfjaar {year}", "first half {year}";
        HalfSecond { year } => "2e halfjaar {year}", "second half {year}";
        ItemAgreed { date } => "afgesproken {date}", "agreed {date}";
        ItemEnrolled { date } => "ingeschreven {date}", "enrolled {date}";
        ItemCompleted { date } => "afgerond {date}", "completed {date}";
        ItemCancelled { date } => "geannuleerd {date}", "cancelled {date}";
        Months { n } => "{n} maanden", "{n} months";
        ExpiringTitle { weeks } => "Vaardigheden die binnen {weeks} weken verlopen", "Skills expiring within {weeks} weeks";
        BudgetTitle { half } => "Opleidingsbudget {half}", "Training budget {half}";
        BudgetLine { budget, planned, spent } => "Budget {budget} · gepland {planned} · uitgegeven {spent}", "Budget {budget} · planned {planned} · spent {spent}";
        NoBudget { planned, spent } => "Geen budget ingesteld · gepland {planned} · uitgegeven {spent}", "No budget set · planned {planned} · spent {spent}";
        OverBudget { over } => "⚠ Gepland is {over} meer dan het budget.", "⚠ Planned is {over} over the budget.";
        StepNotPossible { state } => "Dat kan niet meer bij dit planitem ({state}).", "That is not possible for this plan item any more ({state}).";
        ConfirmComplete { course, name, date } => "{course} voor {name} afgerond op {date}? De vaardigheden van de cursus worden toegevoegd.", "{course} for {name} completed on {date}? The course's skills are added.";
        ConfirmCancelItem { course, name, date } => "{course} voor {name} annuleren op {date}? Dit kan niet ongedaan worden.", "Cancel {course} for {name} on {date}? This cannot be undone.";
        SkillSaved { name } => "Vaardigheid {name} opgeslagen.", "Skill {name} saved.";
        TaskSaved { name } => "Taakomschrijving {name} opgeslagen.", "Task description {name} saved.";
        CourseSaved { name } => "Cursus {name} opgeslagen.", "Course {name} saved.";
        Proposed { course, name } => "{course} voorgesteld voor {name}.", "{course} proposed for {name}.";
        CourseChosen { course } => "Cursus {course} gekozen.", "Course {course} chosen.";
        ItemAgreedNow { course, date } => "{course}: afgesproken op {date}.", "{course}: agreed on {date}.";
        ItemEnrolledNow { course, date } => "{course}: ingeschreven op {date}.", "{course}: enrolled on {date}.";
        ItemCompletedNow { course, n, skills } => "{course} afgerond: {n} vaardigheden toegevoegd ({skills}).", "{course} completed: {n} skills added ({skills}).";
        ItemCancelledNow { course } => "{course} geannuleerd.", "{course} cancelled.";
        HeldAdded { skill, name } => "Vaardigheid {skill} toegevoegd voor {name}.", "Skill {skill} added for {name}.";
        PlanPdfSaved { path } => "Opleidingsplan opgeslagen in {path}", "Training plan saved in {path}";
    }
}
