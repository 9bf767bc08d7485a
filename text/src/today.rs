//! Today (the start screen) and the year's figures.
//!
//! `plain`: texts without arguments;
//! `args`: texts with placeholders, each also a struct in [`crate::args`] whose fields the compiler checks.

area! {
    Today;
    plain {
        // Today (the start screen) and the year's figures
        TabToday => "Vandaag", "Today";
        TodayKeys => "↑↓ kiezen · Enter openen", "↑↓ choose · Enter open";
        TodayKeysFigures => "↑↓ kiezen · Enter openen · v jaarcijfers", "↑↓ choose · Enter open · v year's figures";
        TodayMeetings => "Ledenvergadering", "General meeting";
        TodayNoMeeting => "Geen ALV gepland", "No general meeting planned";
        TodayDutyAnnualReport => "Jaarverslag en jaarrekening naar de ALV", "Annual report and accounts to the general meeting";
        TodayDutyAuditCommittee => "Kascommissie benoemen", "Appoint the audit committee";
        TodayDutyAutumn => "Najaarsvergadering plannen", "Plan the autumn meeting";
        TodayStandingPlanned => "gepland", "planned";
        TodayMembers => "Leden", "Members";
        TodayResetMeetingRules => "De vergaderregels van de statuten (kapstok meeting rules)", "The meeting rules of the statutes (kapstok meeting rules)";
        TodayResetRetention => "De bewaartermijn (kapstok retention --months)", "The retention period (kapstok retention --months)";
        TodayResetOther => "Instellingen", "Settings";
        TodayExperts => "Ervaringsdeskundigen", "Experts by experience";
        TodayTraining => "Opleiding", "Training";
        FiguresKeys => "[ ] jaar · p PDF en CSV opslaan · v terug", "[ ] year · p save PDF and CSV · v back";
        FiguresPerMonth => "Kaarten per maand", "Cards per month";
        FiguresPerWeek => "Kaarten per week", "Cards per week";
        KeyTodayOpen => "open waar dit gedaan wordt", "open where this is done";
        KeyFiguresSave => "jaarcijfers opslaan als PDF en CSV", "save the year's figures as PDF and CSV";
        CliDefaultPrinter => "(standaardprinter)", "(default printer)";
        // The year's figures as rows (the figures view and `kapstok report year`)
        FigYear => "Jaar", "Year";
        FigUntil => "Tot en met", "Up to";
        FigMembersAtStart => "Leden op 1 januari", "Members on 1 January";
        FigJoined => "Nieuwe leden", "Joined";
        FigLeft => "Lidmaatschap beëindigd", "Left";
        FigDeceased => "Overleden", "Deceased";
        FigMeetingsHeld => "Ledenvergaderingen gehouden", "General meetings held";
        FigVotes => "Stemmingen", "Votes";
        FigDecisions => "Besluiten genomen", "Decisions taken";
        FigExpertsActive => "Ervaringsdeskundigen actief", "Experts active";
        FigHoursAgreed => "Uren afgesproken", "Hours agreed";
        FigReviewsHeld => "Functioneringsgesprekken", "Reviews held";
        FigOutcomeStop => "  uitkomst stoppen", "  outcome stop";
        FigOutcomeAdjust => "  uitkomst aanpassen", "  outcome adjust";
        FigOutcomeContinue => "  uitkomst doorgaan", "  outcome continue";
        FigTrainings => "Trainingen afgerond", "Trainings completed";
        FigCardsSent => "Kaarten verstuurd", "Cards sent";
    }
    args {
        FigMembersAt { date } => "Leden op {date}", "Members on {date}";
        FigCardsFor { reason } => "  kaarten {reason}", "  cards {reason}";
        TodayTitle { date, week } => "Vandaag, {date} · week {week}", "Today, {date} · week {week}";
        TodayNextMeeting { date, kind, deadline } => "Volgende ALV {date} ({kind}): convocatie uiterlijk {deadline} versturen", "Next general meeting {date} ({kind}): send the convocation by {deadline}";
        TodayMeetingSent { date, kind, sent } => "Volgende ALV {date} ({kind}): convocatie verstuurd op {sent}", "Next general meeting {date} ({kind}): convocation sent on {sent}";
        TodayInspection { date } => "Statutenwijziging ter inzage uiterlijk vanaf {date}", "Statute change open for inspection from {date} at the latest";
        TodayStandingOpen { date } => "nog niet gepland, uiterlijk {date}", "not planned yet, by {date}";
        TodayStandingOverdue { date } => "te laat: uiterlijk {date}", "overdue: by {date}";
        TodayOutOfSight { n } => "Leden uit beeld: {n}", "Members out of sight: {n}";
        TodayBirthdays { n } => "Jarig deze week: {n}", "Birthdays this week: {n}";
        TodaySettingReset { setting } => "{setting} zijn bij de update naar deze versie teruggezet op de standaard (ze deelden een opslagplaats met een andere instelling): voer ze opnieuw in.", "{setting} were set back to their defaults by the update to this version (they shared a storage place with another setting): enter them again.";
        TodayRetention { n } => "Oud-leden voorbij de bewaartermijn, te anonimiseren: {n}", "Ex-members past the retention period, to anonymise: {n}";
        TodayReturned { n } => "Teruggekomen kaarten: {n} verblijven te controleren", "Returned cards: {n} stays to check";
        TodayReviewsToPlan { n } => "Functioneringsgesprekken in te plannen: {n}", "Reviews to schedule: {n}";
        TodayReviewsThisWeek { n } => "Gesprekken deze week: {n}", "Reviews this week: {n}";
        TodayEnding { n } => "Overeenkomsten die binnenkort aflopen: {n}", "Agreements ending soon: {n}";
        TodayUnsigned { n } => "Nog niet ondertekende overeenkomsten: {n}", "Agreements not signed yet: {n}";
        TodayPlanItems { n } => "Punten in opleidingsplannen nog te regelen: {n}", "Training plan items to arrange: {n}";
        TodayExpiring { n } => "Vaardigheden die binnenkort verlopen: {n}", "Skills expiring soon: {n}";
        TodayBudget { planned, spent, budget } => "Budget dit halfjaar: {planned} gepland, {spent} besteed van {budget}", "Budget this half year: {planned} planned, {spent} spent of {budget}";
        TodayBudgetNone { planned } => "Budget dit halfjaar: niet ingesteld ({planned} gepland)", "Budget this half year: not set ({planned} planned)";
        TodayRun { week, cards, written, posted } => "Kaarten week {week}: {cards} kaarten, {written} geschreven, {posted} gepost", "Cards week {week}: {cards} cards, {written} written, {posted} posted";
        TodayRunLeft { n } => "Nog te schrijven (etiket en kaart): {n}", "Still to write (label and card): {n}";
        TodayRunNotComposed { week } => "Kaarten week {week}: nog niet samengesteld", "Cards week {week}: not composed yet";
        FiguresTitle { year } => "Jaarcijfers {year}", "Year's figures {year}";
        FiguresSaved { pdf, csv } => "Opgeslagen: {pdf} en {csv}", "Saved: {pdf} and {csv}";
    }
}
