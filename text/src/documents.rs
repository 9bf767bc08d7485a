//! The documents (PDFs): words for the year's report, the general meeting's papers, the
//! privacy overview and the training plans. The volunteer agreement is not here: it is signed
//! in Dutch, whatever the interface's language.

area! {
    Documents;
    plain {
        // the year's figures (report/year.rs)
        DocYearMembers => "Leden", "Members";
        DocYearAtStart => "Op 1 januari", "On 1 January";
        DocYearJoined => "Nieuw", "Joined";
        DocYearLeft => "Opgezegd of beëindigd", "Left or ended";
        DocYearDeceased => "Overleden", "Deceased";
        DocYearMeetings => "Algemene ledenvergaderingen", "General meetings";
        DocYearHeld => "Gehouden", "Held";
        DocYearVotes => "Stemmingen", "Votes";
        DocYearDecisions => "Besluiten genomen", "Decisions taken";
        DocYearExperts => "Ervaringsdeskundigen", "Experts by experience";
        DocYearActive => "Actief", "Active";
        DocYearHours => "Uren afgesproken", "Hours agreed";
        DocYearReviews => "Functioneringsgesprekken", "Reviews";
        DocYearStop => "  stoppen", "  stop";
        DocYearAdjust => "  aanpassen", "  adjust";
        DocYearContinue => "  doorgaan", "  continue";
        DocYearTrainings => "Trainingen afgerond", "Trainings completed";
        DocYearCardsByReason => "BaseMail: kaarten per reden", "BaseMail: cards by reason";
        DocYearCardsPerMonth => "Kaarten per maand", "Cards per month";
        DocYearCardsPerWeek => "Kaarten per week", "Cards per week";
        DocReasonDetained => "gedetineerd", "detained";
        DocReasonClinic => "kliniek", "clinic";
        DocReasonHospital => "ziekenhuis", "hospital";
        DocReasonBirthday => "verjaardag", "birthday";
        DocReasonIll => "ziek", "ill";
        DocReasonByHand => "met de hand", "by hand";
        // the general meeting (meetings/pdf.rs)
        DocMeetingSpring => "Algemene ledenvergadering (voorjaar)", "General meeting (spring)";
        DocMeetingAutumn => "Algemene ledenvergadering (najaar)", "General meeting (autumn)";
        DocMeetingExtraordinary => "Buitengewone algemene ledenvergadering", "Extraordinary general meeting";
        DocMeetingSecond => "Tweede algemene ledenvergadering", "Second general meeting";
        DocAgenda => "Agenda", "Agenda";
        DocSuspended => "Je bent geschorst: je mag de vergadering bijwonen, maar niet stemmen en geen volmacht geven.", "You are suspended: you may attend the meeting, but not vote or give a proxy.";
        DocProxyOffer => "Kun je niet komen? Je mag een ander stemgerechtigd lid schriftelijk machtigen om voor je te stemmen.", "Can't come? You may authorise another member with voting rights in writing to vote for you.";
        DocSecondMeetingNote => "Dit is een tweede vergadering: de vorige haalde het quorum niet. Deze vergadering besluit ongeacht het aantal aanwezigen.", "This is a second meeting: the previous one did not reach the quorum. This meeting decides whatever the number present.";
        DocRegards => "Met vriendelijke groet,", "Kind regards,";
        DocAttendanceLegend => "Stem: ja = stemgerechtigd, nee = geschorst (aanwezig zonder stem). Volmacht: lidnummer van wie je machtigde.", "Vote: yes = voting rights, no = suspended (present without a vote). Proxy: member number of whom you authorised.";
        DocYes => "ja", "yes";
        DocNo => "nee", "no";
        DocMarkStatuteChange => " (besluit: statutenwijziging)", " (decision: statute change)";
        DocMarkDecision => " (besluit)", " (decision)";
        DocTheBoard => "het bestuur", "the board";
    }
    args {
        DocYearTitle { year } => "Jaarcijfers {year}", "Figures {year}";
        DocYearUntil { org, until } => "{org}tot en met {until}", "{org}up to {until}";
        DocYearAt { date } => "Op {date}", "On {date}";
        DocYearSent { cards } => "Verstuurd: {cards} (een kaart met twee redenen telt bij beide)", "Sent: {cards} (a card with two reasons counts for both)";
        DocMotion { motion } => "Voorstel: {motion}", "Motion: {motion}";
        DocForInspection { documents } => "Ter inzage: {documents}", "For inspection: {documents}";
        DocConvocationTitle { date } => "Convocatie {date}", "Convocation {date}";
        DocInvitation { title } => "Uitnodiging: {title}", "Invitation: {title}";
        DocDear { name } => "Beste {name},", "Dear {name},";
        DocInvite { meeting, date, time, place } => "Het bestuur nodigt je uit voor de {meeting} op {date} om {time} uur in {place}.", "The board invites you to the {meeting} on {date} at {time} in {place}.";
        DocStatuteChange { from } => "Op deze vergadering wordt een statutenwijziging voorgesteld. Het volledige voorstel ligt vanaf {from} tot na de vergadering ter inzage op het kantoor.", "A change to the statutes is proposed at this meeting. The full proposal can be read at the office from {from} until after the meeting.";
        DocAttendanceTitle { title } => "Presentielijst {title}", "Attendance sheet {title}";
        DocAttendanceWhen { org, date, time, place } => "{org}{date} om {time} uur · {place}", "{org}{date} at {time} · {place}";
        DocAttendanceRow { number, name, vote } => "{number}  {name}  · stem: {vote}  · volmacht van: ........  · handtekening: ..............................", "{number}  {name}  · vote: {vote}  · proxy from: ........  · signature: ..............................";
        FileLabels { week } => "etiketten-{week}.pdf", "labels-{week}.pdf";
        FileTestPrint { sheet } => "testafdruk-{sheet}.pdf", "test-print-{sheet}.pdf";
        FileConvocationEmail { id } => "convocatie-{id}-email.csv", "convocation-{id}-email.csv";
        FileConvocationLetters { id } => "convocatie-{id}-brieven.pdf", "convocation-{id}-letters.pdf";
        FileConvocationLabels { id } => "convocatie-{id}-etiketten.pdf", "convocation-{id}-labels.pdf";
        FileAttendance { id } => "presentielijst-{id}.pdf", "attendance-{id}.pdf";
        FileMeetingLetters { date } => "alv-{date}-brieven.pdf", "meeting-{date}-letters.pdf";
        FileMeetingEmail { date } => "alv-{date}-email.csv", "meeting-{date}-email.csv";
        FileMeetingLabels { date } => "alv-{date}-etiketten.pdf", "meeting-{date}-labels.pdf";
        FileMeetingAttendance { date } => "alv-{date}-presentielijst.pdf", "meeting-{date}-attendance.pdf";
        FileYearFigures { year, ext } => "jaarcijfers-{year}.{ext}", "annual-figures-{year}.{ext}";
        CliLabelsSummary { labels, sheets } => "{labels} · {sheets}", "{labels} · {sheets}";
        DocInvited { count } => "Aantal uitgenodigd: {count}", "Invited: {count}";
    }
}
