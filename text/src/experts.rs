//! Experts by experience: agreements, reviews, allowances.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Experts;
    plain {
        // Experts: the tab and its views
        TabExperts => "Vrijwilligers", "Volunteers";
        ViewExperts => "Ervaringsdeskundigen", "Experts";
        ViewReviews => "Gesprekken", "Reviews";
        ColExpert => "Ervaringsdeskundige", "Expert";
        ColPeriod => "Periode", "Period";
        ColState => "Stand", "State";
        ColHours => "Uur/wk", "Hrs/wk";
        ColAllowance => "Vergoeding", "Allowance";
        ColEnds => "Loopt af", "Ends";
        ColReview => "Gesprek", "Review";
        NoExperts => "Nog geen ervaringsdeskundigen met een overeenkomst: druk op n.", "No experts with an agreement yet: press n.";
        NoReviewsThatDay => "—", "—";
        NotPlanned => "nog niet gepland", "not planned yet";
        // Experts: words for states, outcomes, periods, allowances, reviews
        StateDraft => "concept", "draft";
        StateSigned => "ondertekend", "signed";
        StateActive => "lopend", "active";
        StateEnded => "afgelopen", "ended";
        PeriodFirstHalf => "1e halfjaar (jan–jun)", "first half (Jan–Jun)";
        PeriodSecondHalf => "2e halfjaar (jul–dec)", "second half (Jul–Dec)";
        PeriodCustom => "zes maanden vanaf een datum", "six months from a date";
        OutcomeStop => "stoppen", "stop";
        OutcomeAdjust => "aanpassen", "adjust";
        OutcomeContinue => "voortzetten", "continue";
        OutcomeNone => "(nog) geen", "none (yet)";
        AllowanceNone => "geen", "none";
        AllowancePerHour => "per uur", "per hour";
        AllowancePerMonth => "per maand", "per month";
        ReviewScheduled => "gepland", "planned";
        ReviewCancelled => "afgezegd", "cancelled";
        ReviewNoShow => "niet gekomen", "did not come";
        ReviewHeldShort => "gehouden", "held";
        // Experts: details
        DetailAgreement => "Overeenkomst", "Agreement";
        DetailReview => "Gesprek", "Review";
        Tasks => "Taken", "Tasks";
        Expenses => "Onkosten", "Expenses";
        Guidance => "Begeleiding", "Guidance";
        NotSigned => "nog niet ondertekend", "not signed yet";
        ReviewOutcome => "Uitkomst gesprek", "Review outcome";
        AgreementsHistory => "Overeenkomsten (←/→ kiest)", "Agreements (←/→ chooses)";
        // Experts: forms
        FormNewAgreement => "Nieuwe overeenkomst", "New agreement";
        FormEditAgreement => "Concept wijzigen", "Edit the draft";
        FormAdjustAgreement => "Nieuwe overeenkomst aanpassen", "Adjust the new agreement";
        FormSign => "Ondertekening vastleggen", "Record the signing";
        FormEndAgreement => "Overeenkomst vervroegd beëindigen", "End the agreement early";
        FormSchedule => "Gesprek plannen", "Schedule a review";
        FormReschedule => "Gesprek verzetten", "Reschedule the review";
        FormRecord => "Gesprek vastleggen", "Record the review";
        FieldExpert => "Lidnummer ED'er", "Expert's member no.";
        FieldPeriod => "Periode", "Period";
        FieldYear => "Jaar", "Year";
        FieldStartDate => "Begindatum", "Start date";
        FieldTasks => "Taken (scheid met ;)", "Tasks (separate with ;)";
        FieldHoursPerWeek => "Uren per week", "Hours per week";
        FieldAllowance => "Vergoeding", "Allowance";
        FieldAmount => "Bedrag (€)", "Amount (€)";
        FieldExpenses => "Onkosten", "Expenses";
        FieldGuidance => "Begeleiding", "Guidance";
        FieldSignedOn => "Ondertekend op", "Signed on";
        FieldOutcome => "Uitkomst", "Outcome";
        FieldSuggestion => "Vrije tijd", "Free slot";
        FieldDate => "Datum", "Date";
        FieldTime => "Begintijd (uu:mm)", "Start time (hh:mm)";
        FieldMinutes => "Duur (minuten)", "Length (minutes)";
        FieldStaff => "Gespreksleider", "Held by";
        FieldPlace => "Plaats", "Place";
        FieldWork => "Het werk", "The work";
        FieldEnjoyment => "Plezier in het werk", "Enjoyment";
        FieldDifficulties => "Moeilijkheden", "Difficulties";
        FieldAgreed => "Afspraken", "Agreed";
        FieldTrainingWishes => "Trainingswensen", "Training wishes";
        FieldHeldOn => "Gehouden op", "Held on";
        FieldAgreement => "Overeenkomst", "Agreement";
        FieldReview => "Gesprek", "Review";
        OwnTime => "eigen tijd", "own time";
        NoFreeSlots => "Geen vrije tijd gevonden in de komende 60 dagen.", "No free slot found in the next 60 days.";
        // Experts: questions, allowance warnings, status line
        ConfirmAllowance => "De vergoeding is dan niet meer belastingvrij:", "The allowance would then not be tax-free:";
        NoAgreementSelected => "Geen overeenkomst geselecteerd.", "No agreement selected.";
        ReviewCancelledNow => "Gesprek afgezegd; de overeenkomst blijft op de lijst.", "Review cancelled; the agreement stays on the list.";
        AlreadyPlanned => "Er is al een gesprek gepland; r verzet het.", "A review is already planned; r moves it.";
        NotPlannedYet => "Nog geen gesprek gepland: g plant het.", "No review planned yet: g schedules it.";
        PickDueRow => "Plan een gesprek vanuit de lijst te houden gesprekken.", "Schedule a review from the list of reviews due.";
        ReviewNotOpen => "Dit gesprek is niet (meer) gepland.", "This review is not planned (any more).";
        NoReviewSelected => "Geen gesprek geselecteerd.", "No review selected.";
        // Experts: keys
        KeyAgreement => "vorige/volgende overeenkomst van deze ED'er", "this expert's previous/next agreement";
        KeyNewAgreement => "nieuwe overeenkomst", "new agreement";
        KeyEditAgreement => "concept wijzigen", "edit the draft";
        KeySign => "ondertekening vastleggen", "record the signing";
        KeyEndEarly => "vervroegd beëindigen", "end early";
        KeyAgreementPdf => "overeenkomst afdrukken (PDF)", "print the agreement (PDF)";
        KeyReviewEnter => "plannen, of vastleggen als het gepland is", "schedule, or record when planned";
        KeySchedule => "gesprek plannen", "schedule a review";
        KeyReschedule => "gesprek verzetten", "reschedule the review";
        KeyCancelReview => "gesprek afzeggen", "cancel the review";
        KeyNoShow => "niet gekomen", "did not come";
        KeyRecord => "gesprek vastleggen", "record the review";
    }
    args {
        DueTitle { weeks } => "Te houden gesprekken (lopen af binnen {weeks})", "Reviews due (ending within {weeks})";
        NoneDue { weeks } => "Geen overeenkomsten die binnen {weeks} aflopen zonder gehouden gesprek.", "No agreements ending within {weeks} without a review held.";
        WeekTitle { week, from, to } => "Week {week}: {from} – {to}", "Week {week}: {from} – {to}";
        Planned { when, staff } => "gepland {when} met {staff}", "planned {when} with {staff}";
        ReviewHeld { date } => "gehouden op {date}", "held on {date}";
        AgreementNr { nr } => "Overeenkomst nr {nr}", "Agreement no. {nr}";
        MemberNr { nr } => "lid {nr}", "member {nr}";
        HoursPerWeek { hours } => "{hours} uur per week", "{hours} hours a week";
        SignedOn { date } => "ondertekend op {date}", "signed on {date}";
        EndedEarly { date } => "vervroegd beëindigd op {date}", "ended early on {date}";
        ContinuesNr { nr } => "vervolg op nr {nr}", "continues no. {nr}";
        FromReviewNr { nr } => "uit gesprek nr {nr}", "from review no. {nr}";
        ReviewWith { staff, place } => "met {staff} · {place}", "with {staff} · {place}";
        SuggestionsTitle { staff } => "Eerste vrije tijden met {staff}", "First free slots with {staff}";
        ConfirmSign { nr, name, period, date } => "Overeenkomst nr {nr} met {name} ({period}) ondertekend op {date}? Daarna kan ze niet meer gewijzigd worden.", "Agreement no. {nr} with {name} ({period}) signed on {date}? It cannot be changed afterwards.";
        ConfirmEnd { nr, name, date } => "Overeenkomst nr {nr} met {name} vervroegd beëindigen op {date}? Dit kan niet ongedaan worden; daarna is een nieuwe overeenkomst nodig.", "End agreement no. {nr} with {name} early on {date}? This cannot be undone; a new agreement is needed afterwards.";
        ConfirmReschedule { name, when } => "Gesprek met {name} verzetten naar {when}?", "Move the review with {name} to {when}?";
        ConfirmCancel { name, when } => "Gesprek met {name} op {when} afzeggen? De overeenkomst blijft op de lijst te houden gesprekken.", "Cancel the review with {name} on {when}? The agreement stays on the list of reviews due.";
        ConfirmNoShow { name, when } => "{name} is niet gekomen op {when}? De overeenkomst blijft op de lijst te houden gesprekken.", "{name} did not come on {when}? The agreement stays on the list of reviews due.";
        WarnNoLimits { year } => "Voor {year} zijn geen grenzen voor de vrijwilligersvergoeding bekend (een beheerder kan ze toevoegen).", "No allowance limits are known for {year} (an administrator can add them).";
        WarnPerHour { amount, limit } => "{amount} per uur is meer dan de grens van {limit} per uur voor 21 jaar en ouder.", "{amount} per hour is more than the limit of {limit} per hour for 21 and older.";
        WarnPerHourUnder21 { amount, limit } => "{amount} per uur is meer dan de grens van {limit} per uur voor wie jonger is dan 21.", "{amount} per hour is more than the limit of {limit} per hour for those under 21.";
        WarnPerMonth { month, amount, limit } => "In {month} komt de vergoeding op {amount}, meer dan de maandgrens van {limit}.", "In {month} the allowance comes to {amount}, more than the monthly limit of {limit}.";
        WarnPerMonths { months, limit } => "In {months} komt de vergoeding boven de maandgrens van {limit} (maanden tellen apart).", "In {months} the allowance comes above the monthly limit of {limit} (months count separately).";
        WarnPerYear { year, amount, limit, months } => "In {year} komt de vergoeding op {amount}, meer dan de jaargrens van {limit} (naar rato voor {months}).", "In {year} the allowance comes to {amount}, more than the yearly limit of {limit} (pro rata for {months}).";
        AgreementCreated { nr, name } => "Overeenkomst nr {nr} voor {name} opgeslagen als concept.", "Agreement no. {nr} for {name} saved as a draft.";
        AgreementSaved { nr } => "Concept nr {nr} opgeslagen.", "Draft no. {nr} saved.";
        AgreementSigned { nr, date } => "Overeenkomst nr {nr} ondertekend op {date}.", "Agreement no. {nr} signed on {date}.";
        AgreementEnded { nr, date } => "Overeenkomst nr {nr} beëindigd op {date}.", "Agreement no. {nr} ended on {date}.";
        OnlyDrafts { nr, state } => "Alleen een concept kan gewijzigd worden; nr {nr} is {state}.", "Only a draft can be changed; no. {nr} is {state}.";
        AlreadySigned { nr } => "Overeenkomst nr {nr} is al ondertekend.", "Agreement no. {nr} is already signed.";
        AlreadyEnded { nr } => "Overeenkomst nr {nr} is al afgelopen.", "Agreement no. {nr} has already ended.";
        AgreementPdfSaved { path } => "Overeenkomst opgeslagen in {path}", "Agreement saved in {path}";
        ReviewPlanned { name, when } => "Gesprek met {name} gepland op {when}.", "Review with {name} planned on {when}.";
        ReviewMoved { name, when } => "Gesprek met {name} verzet naar {when}.", "Review with {name} moved to {when}.";
        ReviewNoShowNow { name } => "Vastgelegd: {name} is niet gekomen.", "Recorded: {name} did not come.";
        RecordedContinue { nr } => "Voortzetten: volgende overeenkomst klaargezet (nr {nr}).", "Continue: next agreement drafted (no. {nr}).";
        RecordedAdjust { nr } => "Aanpassen: pas de nieuwe overeenkomst nr {nr} aan en sla op.", "Adjust: change the new agreement no. {nr} and save.";
        RecordedStop { date } => "Stoppen: de overeenkomst eindigt op {date}.", "Stop: the agreement ends on {date}.";
    }
}
