//! `kapstok meeting ...`: the general meetings from the command line.

use super::{login, CliResult, Ctx, Failure};
use crate::i18n::{args, Lang, Msg};
use crate::present::meeting_text;
use clap::Subcommand;
use kapstok_core::common::{format_date, parse_date, printable};
use kapstok_core::error::{Error, Reason};
use kapstok_core::meetings::{Channel, Fraction, Majority, MeetingRules};
use kapstok_core::Kapstok;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `kapstok meeting ...`
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: MeetingCommand,
}

/// `kapstok meeting ...`
#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    /// List the meetings, latest first: id, date, kind, place, convocation deadline and when it
    /// was sent.
    List,
    /// Write the convocation: the letters with the agenda as one PDF and the e-mail list as CSV
    /// (and envelope labels with --labels); record the date sent with --sent.
    Convocation {
        /// The meeting's id (see `kapstok meeting list`).
        id: u64,
        /// The folder to write the files to (default: the current folder).
        #[arg(long, value_name = "DIR", default_value = ".")]
        dir: PathBuf,
        /// Also write envelope labels for the letters on this label sheet (see `kapstok sheets`).
        #[arg(long, value_name = "SHEET")]
        labels: Option<String>,
        /// First free cell on a partly used label sheet.
        #[arg(long, value_name = "N", default_value_t = 1)]
        start: u32,
        /// Record that the convocation was sent on this date (dd-mm-jjjj).
        #[arg(long, value_name = "DATE")]
        sent: Option<String>,
        /// Record it even though it is after the deadline (the meeting's decisions can then be
        /// annulled).
        #[arg(long, requires = "sent")]
        late: bool,
    },
    /// The attendance sheet for signatures, pre-filled, as a PDF.
    AttendanceSheet {
        /// The meeting's id.
        id: u64,
        /// Where to save it (default: presentielijst-ID.pdf, attendance-ID.pdf in English).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The decision register across all meetings.
    Decisions {
        /// Only decisions whose title or motion holds these words.
        #[arg(long)]
        search: Option<String>,
    },
    /// Show the rules from the statutes, or change them (administrators).
    Rules {
        /// Days of notice for a convocation.
        #[arg(long, value_name = "DAYS")]
        notice_days: Option<u32>,
        /// Days of notice at least with a statute change on the agenda (7 or more).
        #[arg(long, value_name = "DAYS")]
        statute_notice_days: Option<u32>,
        /// Days before the meeting a statute change is open for inspection (5 or more).
        #[arg(long, value_name = "DAYS")]
        inspection_days: Option<u32>,
        /// The most proxies one person may hold; 0: no proxies.
        #[arg(long, value_name = "N")]
        max_proxies: Option<u32>,
        /// Quorum for ordinary decisions: a share of the voting members (2/3, 50%) or none.
        #[arg(long, value_name = "SHARE")]
        quorum_ordinary: Option<String>,
        /// Quorum for a statute change: a share or none.
        #[arg(long, value_name = "SHARE")]
        quorum_statute: Option<String>,
        /// Majority for ordinary decisions: >1/2 (more than half) or a share to reach (2/3).
        #[arg(long, value_name = "SHARE")]
        majority_ordinary: Option<String>,
        /// Majority for a statute change.
        #[arg(long, value_name = "SHARE")]
        majority_statute: Option<String>,
        /// Days after a failed quorum within which the second meeting is held.
        #[arg(long, value_name = "DAYS")]
        second_meeting_days: Option<u32>,
    },
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    crate::files::write_atomically(path, bytes)
        .map_err(|e| Failure(crate::files::failure_text(path, &e)))
}

fn quorum(field: &'static str, text: &str, lang: Lang) -> Result<Option<Fraction>, Failure> {
    match text.trim() {
        "none" | "geen" | "" => Ok(None),
        t => Fraction::parse(t)
            .map(Some)
            .ok_or_else(|| Failure::core(&Error::invalid(field, Reason::NotANumber), lang)),
    }
}

fn majority(field: &'static str, text: &str, lang: Lang) -> Result<Majority, Failure> {
    Majority::parse(text)
        .filter(|m| m.share.num > 0)
        .ok_or_else(|| Failure::core(&Error::invalid(field, Reason::NotANumber), lang))
}

/// Says, to an administrator, when an update set the meeting rules back to their defaults
/// (they shared a key with the retention period) and they are still to be entered again.
fn rules_reset_warning(
    s: &kapstok_core::Session,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let reset = s.settings_reset().unwrap_or_default();
    if reset.contains(&kapstok_core::store::SettingsKey::MeetingRules) {
        let setting = Msg::TodayResetMeetingRules.text(lang);
        writeln!(
            out,
            "{}",
            args::TodaySettingReset { setting: &setting }.text(lang)
        )
        .map_err(|e| Failure(e.to_string()))?;
    }
    Ok(())
}

/// Runs a `kapstok meeting` command.
pub(super) fn run(args: Args, mut ctx: Ctx) -> CliResult {
    let user = ctx.user.as_deref();
    run_command(&ctx.k, user, ctx.lang, args.command, &mut ctx.out)
}

fn run_command(
    k: &Kapstok,
    user: Option<&str>,
    lang: Lang,
    command: MeetingCommand,
    out: &mut impl Write,
) -> CliResult {
    let s = login(k, user, lang)?;
    let mt = s.meetings();
    let core = |e: Error| Failure::core(&e, lang);
    let io = |e: std::io::Error| Failure(e.to_string());
    match command {
        MeetingCommand::List => {
            rules_reset_warning(&s, lang, out)?;
            let rules = mt.rules().map_err(core)?;
            for (id, m) in mt.list().map_err(core)? {
                let dl = kapstok_core::meetings::rules::deadlines(
                    m.date(),
                    m.has_statute_change(),
                    &rules,
                );
                let sent = match &m.convocation {
                    Some(c) => {
                        format!("{} {}", Msg::CliMeetingSent.text(lang), format_date(c.sent))
                    }
                    None => format!(
                        "{} {}",
                        Msg::CliMeetingSendBy.text(lang),
                        format_date(dl.send_by)
                    ),
                };
                super::write_row(
                    out,
                    &[
                        &id,
                        &format!("{} {}", format_date(m.date()), m.at.format("%H:%M")),
                        &meeting_text::kind(m.kind, lang),
                        &m.place,
                        &sent,
                    ],
                )
                .map_err(io)?;
            }
        }
        MeetingCommand::Convocation {
            id,
            dir,
            labels,
            start,
            sent,
            late,
        } => {
            super::check_output(&dir)?;
            let pack = mt.convocation_in(id, lang).map_err(core)?;
            std::fs::create_dir_all(&dir)
                .map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
            let csv = dir.join(args::FileConvocationEmail { id: &id }.text(lang));
            write_file(&csv, &pack.email_csv)?;
            writeln!(
                out,
                "{} {}: {}",
                pack.emails(),
                Msg::CliMeetingByEmail.text(lang),
                csv.display()
            )
            .map_err(io)?;
            if pack.letters() > 0 {
                let pdf = dir.join(args::FileConvocationLetters { id: &id }.text(lang));
                write_file(&pdf, &pack.letters_pdf)?;
                writeln!(
                    out,
                    "{} {}: {}",
                    pack.letters(),
                    Msg::CliMeetingByLetter.text(lang),
                    pdf.display()
                )
                .map_err(io)?;
            }
            if let Some(sheet) = labels {
                let job = mt.envelope_labels(id, &sheet, start).map_err(core)?;
                let path = dir.join(args::FileConvocationLabels { id: &id }.text(lang));
                write_file(&path, &job.pdf)?;
                writeln!(
                    out,
                    "{}: {}",
                    crate::i18n::count(job.labels, crate::i18n::Noun::Label, lang),
                    path.display()
                )
                .map_err(io)?;
            }
            for i in pack.unreachable() {
                let Channel::Unreachable(what) = i.channel else {
                    continue;
                };
                writeln!(
                    out,
                    "{}: {} {} ({})",
                    Msg::CliMeetingUnreachable.text(lang),
                    i.member,
                    printable(&i.name),
                    crate::i18n::field_name(what, lang)
                )
                .map_err(io)?;
            }
            let deadlines = mt.deadlines(id).map_err(core)?;
            if let Some(text) = sent {
                let date = parse_date(&text)
                    .ok_or_else(|| core(Error::invalid("sent", Reason::BadDate)))?;
                let c = mt.record_sent(id, date, late).map_err(|e| {
                    let mut text = crate::i18n::error(&e, lang);
                    if matches!(&e, Error::Invalid(f) if f.iter().any(|f| matches!(f.reason, Reason::LateConvocation(_))))
                    {
                        text.push_str(&format!(" {}", Msg::CliMeetingLateHint.text(lang)));
                    }
                    Failure(text)
                })?;
                writeln!(
                    out,
                    "{} {}{}",
                    Msg::CliMeetingSent.text(lang),
                    format_date(c.sent),
                    if c.late() {
                        format!(" ({})", Msg::CliMeetingLate.text(lang))
                    } else {
                        String::new()
                    }
                )
                .map_err(io)?;
            } else {
                writeln!(
                    out,
                    "{} {}",
                    Msg::CliMeetingSendBy.text(lang),
                    format_date(deadlines.send_by)
                )
                .map_err(io)?;
            }
            if let Some(from) = deadlines.inspection_from {
                writeln!(
                    out,
                    "{} {}",
                    Msg::CliMeetingInspection.text(lang),
                    format_date(from)
                )
                .map_err(io)?;
            }
        }
        MeetingCommand::AttendanceSheet { id, output } => {
            if let Some(path) = &output {
                super::check_output(path)?;
            }
            let pdf = mt.attendance_sheet_in(id, lang).map_err(core)?;
            let path = output
                .unwrap_or_else(|| PathBuf::from(args::FileAttendance { id: &id }.text(lang)));
            write_file(&path, &pdf)?;
            writeln!(out, "{}", path.display()).map_err(io)?;
        }
        MeetingCommand::Decisions { search } => {
            for d in mt
                .decisions(search.as_deref().unwrap_or(""))
                .map_err(core)?
            {
                super::write_row(
                    out,
                    &[
                        &format_date(d.at.date()),
                        &d.title,
                        &meeting_text::decision(&d.decision, lang),
                        &d.motion,
                    ],
                )
                .map_err(io)?;
            }
        }
        MeetingCommand::Rules {
            notice_days,
            statute_notice_days,
            inspection_days,
            max_proxies,
            quorum_ordinary,
            quorum_statute,
            majority_ordinary,
            majority_statute,
            second_meeting_days,
        } => {
            let before = mt.rules().map_err(core)?;
            let mut r: MeetingRules = before;
            r.notice_days = notice_days.unwrap_or(r.notice_days);
            r.statute_notice_days = statute_notice_days.unwrap_or(r.statute_notice_days);
            r.inspection_days = inspection_days.unwrap_or(r.inspection_days);
            if let Some(n) = max_proxies {
                r.max_proxies = n;
                r.proxies_allowed = n > 0;
            }
            if let Some(t) = &quorum_ordinary {
                r.quorum_ordinary = quorum("quorum_ordinary", t, lang)?;
            }
            if let Some(t) = &quorum_statute {
                r.quorum_statute = quorum("quorum_statute", t, lang)?;
            }
            if let Some(t) = &majority_ordinary {
                r.majority_ordinary = majority("majority_ordinary", t, lang)?;
            }
            if let Some(t) = &majority_statute {
                r.majority_statute = majority("majority_statute", t, lang)?;
            }
            r.second_meeting_days = second_meeting_days.unwrap_or(r.second_meeting_days);
            if r != before {
                mt.set_rules(r).map_err(core)?;
            }
            for line in meeting_text::rules(&r, lang) {
                writeln!(out, "{}", printable(&line)).map_err(io)?;
            }
            rules_reset_warning(&s, lang, out)?;
        }
    }
    Ok(())
}
