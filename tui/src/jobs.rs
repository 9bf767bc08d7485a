//! Work off the drawing thread: each [`Job`] runs on a thread of its own with a clone of the
//! session, and its result comes back to the screen that asked for it when the shell next looks
//! ([`Jobs::finished`]). While one runs over half a second, the status line says what it does.
//!
//! A job either only reads ([`crate::screen::Effect::Read`]: a screen's reload, the audit log)
//! or writes once (through core, or a file for the user; [`crate::screen::Effect::Spawn`]).
//! Quitting waits for the writes only ([`Wait::Writes`]); a read still running is left behind,
//! its result unread (every write through core is flushed before it returns, so nothing is lost
//! when the process ends under it).
//!
//! [`Reloads`] numbers a screen's reads, so that a result read before a newer change or a newer
//! request never overwrites what is newer, and runs one at a time.

use crate::i18n::{Lang, Msg};
use crate::screen::{Effect, Effects, Job};
use kapstok_core::Session;
use std::any::Any;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a job runs before the status line shows it.
pub const SHOW_AFTER: Duration = Duration::from_millis(500);

type Done = (u64, Box<dyn Any + Send>);

/// The result of a job that panicked (its screen gets this instead of its own result).
#[derive(Debug)]
pub struct JobFailed;

/// Which jobs [`Jobs::finished`] waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// None: only the results already back (a tick).
    No,
    /// The jobs that write (quitting: a read need not hold it up).
    Writes,
    /// Every job (tests; quitting when the store is to be rewritten, which needs it closed).
    All,
}

/// One running job: its id, the screen it is for, what it does, whether it writes, since when.
struct Running {
    id: u64,
    owner: usize,
    what: Msg,
    writes: bool,
    started: Instant,
}

/// The jobs running, and the channel their results come back on.
pub struct Jobs {
    next: u64,
    running: Vec<Running>,
    sender: Sender<Done>,
    receiver: Receiver<Done>,
    /// Reads take turns: at 100,000 members each holds a read of the register, and two at once
    /// (Today's and Meetings' after a member change) would double the peak memory.
    reads: Arc<Mutex<()>>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Jobs {
            next: 0,
            running: Vec::new(),
            sender,
            receiver,
            reads: Arc::default(),
        }
    }
}

impl Jobs {
    /// Starts a job for the screen at `owner`; `writes` when it writes (quitting waits for it).
    pub fn start(&mut self, owner: usize, job: Job, writes: bool, session: &Session, lang: Lang) {
        let id = self.next;
        self.next += 1;
        self.running.push(Running {
            id,
            owner,
            what: job.what,
            writes,
            started: Instant::now(),
        });
        let (sender, session) = (self.sender.clone(), session.clone());
        let work = job.work;
        let reads = (!writes).then(|| self.reads.clone());
        std::thread::spawn(move || {
            // One read after the other (a poisoned turn is still a turn).
            let _turn = reads
                .as_ref()
                .map(|r| r.lock().unwrap_or_else(|e| e.into_inner()));
            // A job that panics still answers, so nobody waits for it for ever.
            let out =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(&session, lang)))
                    .unwrap_or_else(|_| Box::new(JobFailed));
            // The app may be gone (quit meanwhile): then nobody wants the result.
            let _ = sender.send((id, out));
        });
    }

    /// Whether any job runs.
    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }

    /// What the longest-running job does, once it has run over [`SHOW_AFTER`].
    pub fn progress(&self) -> Option<Msg> {
        self.running
            .iter()
            .find(|r| r.started.elapsed() >= SHOW_AFTER)
            .map(|r| r.what)
    }

    /// Whether a job of the kind `wait` waits for still runs.
    fn waits_for(&self, wait: Wait) -> bool {
        match wait {
            Wait::No => false,
            Wait::Writes => self.running.iter().any(|r| r.writes),
            Wait::All => self.busy(),
        }
    }

    /// The results that came back: the screen each is for, and the result; first waiting for
    /// the jobs `wait` names.
    pub fn finished(&mut self, wait: Wait) -> Vec<(usize, Box<dyn Any + Send>)> {
        let mut out = Vec::new();
        loop {
            let next = if self.waits_for(wait) {
                self.receiver.recv().ok()
            } else {
                self.receiver.try_recv().ok()
            };
            let Some((id, result)) = next else {
                break;
            };
            if let Some(i) = self.running.iter().position(|r| r.id == id) {
                let running = self.running.remove(i);
                out.push((running.owner, result));
            }
        }
        out
    }
}

/// "This did not work" on the status line, for a job that panicked.
pub fn failed(lang: Lang) -> Effects {
    Effects::status(crate::screens::Status {
        text: Msg::JobFailed.text(lang).into(),
        error: true,
    })
}

/// Generations are unique across screens and views, so that a result asked for by a view that
/// closed is never taken for the answer of the next one.
static GENERATION: AtomicU64 = AtomicU64::new(1);

/// A screen's reads off the drawing thread, numbered. At most one runs at a time: a request
/// while one runs marks it outdated, and when it comes back the screen asks again (a burst of
/// changes costs two reads, not one per change, and the memory of one).
#[derive(Debug, Default)]
pub struct Reloads {
    /// The newest request.
    generation: u64,
    /// A read runs.
    running: bool,
    /// A request came while it ran: ask again when it is back.
    again: bool,
}

/// What a read answers, with the generation it was asked as.
struct Reloaded<T> {
    generation: u64,
    value: std::thread::Result<T>,
}

/// What came back of a read ([`Reloads::take`]).
pub enum Back<T> {
    /// The newest: show it.
    Fresh(T),
    /// Read before a newer request: dropped. With `again`, the newer request found this one
    /// running and waited: the screen asks again now.
    Outdated {
        /// Ask again.
        again: bool,
    },
    /// The read panicked.
    Failed,
}

impl Reloads {
    /// Whether a read runs (the screen may show "reading").
    pub fn running(&self) -> bool {
        self.running
    }

    /// Marks every read asked so far as outdated (the screen read the same itself, later).
    pub fn outdate(&mut self) {
        self.generation = GENERATION.fetch_add(1, Ordering::Relaxed);
    }

    /// Asks for a read: the effect that runs it, or nothing while one runs (that one comes back
    /// outdated, and the screen asks again then).
    pub fn ask<T: Send + 'static>(
        &mut self,
        what: Msg,
        work: impl FnOnce(&Session, Lang) -> T + Send + 'static,
    ) -> Effects {
        self.outdate();
        if self.running {
            self.again = true;
            return Effects::none();
        }
        self.running = true;
        let generation = self.generation;
        Effects::one(Effect::Read(Job {
            what,
            work: Box::new(move |s, lang| {
                let value =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(s, lang)));
                Box::new(Reloaded { generation, value })
            }),
        }))
    }

    /// Takes a job's result if it is one of these reads (else gives it back).
    pub fn take<T: Send + 'static>(
        &mut self,
        message: Box<dyn Any + Send>,
    ) -> Result<Back<T>, Box<dyn Any + Send>> {
        let back = message.downcast::<Reloaded<T>>()?;
        self.running = false;
        let again = std::mem::take(&mut self.again);
        Ok(match back.value {
            Err(_) => Back::Failed,
            Ok(_) if back.generation != self.generation => Back::Outdated { again },
            Ok(value) => Back::Fresh(value),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_to_their_screen_and_a_panic_comes_back_as_failed() {
        let dir = tempfile::tempdir().unwrap();
        let (_k, session) = kapstok_testkit::new_store(dir.path());
        let mut jobs = Jobs::default();
        jobs.start(
            3,
            Job {
                what: Msg::Busy,
                work: Box::new(|s, _| Box::new(s.user_name().to_string())),
            },
            true,
            &session,
            Lang::Nl,
        );
        jobs.start(
            5,
            Job {
                what: Msg::Busy,
                work: Box::new(|_, _| panic!("a job that fails")),
            },
            true,
            &session,
            Lang::Nl,
        );
        assert!(jobs.busy());
        let mut done = jobs.finished(Wait::All);
        done.sort_by_key(|(owner, _)| *owner);
        assert!(!jobs.busy());
        assert_eq!(done.len(), 2);
        assert_eq!(done[0].0, 3);
        assert_eq!(
            done[0].1.downcast_ref::<String>().map(String::as_str),
            Some("beheer")
        );
        assert_eq!(done[1].0, 5);
        assert!(done[1].1.is::<JobFailed>());
        assert!(jobs.progress().is_none());
    }

    /// Runs the effect's job and hands its result to `reloads`.
    fn run<T: Send + 'static>(
        jobs: &mut Jobs,
        effects: Effects,
        reloads: &mut Reloads,
        session: &Session,
    ) -> Back<T> {
        let Some(Effect::Read(job)) = effects.0.into_iter().next() else {
            panic!("a read to run");
        };
        jobs.start(0, job, false, session, Lang::Nl);
        let mut done = jobs.finished(Wait::All);
        assert_eq!(done.len(), 1);
        match reloads.take::<T>(done.remove(0).1) {
            Ok(back) => back,
            Err(_) => panic!("a reload's result"),
        }
    }

    #[test]
    fn a_read_outdated_by_a_newer_request_is_dropped_and_asked_again() {
        let dir = tempfile::tempdir().unwrap();
        let (_k, session) = kapstok_testkit::new_store(dir.path());
        let mut jobs = Jobs::default();
        let mut reloads = Reloads::default();
        let (go, wait) = channel::<()>();
        let first = reloads.ask(Msg::BusyReload, move |_, _| {
            let _ = wait.recv();
            1
        });
        assert!(reloads.running());
        // A second change while the first read runs: no second read now.
        assert!(reloads.ask(Msg::BusyReload, |_, _| 2).0.is_empty());
        go.send(()).unwrap();
        assert!(matches!(
            run::<i32>(&mut jobs, first, &mut reloads, &session),
            Back::Outdated { again: true }
        ));
        assert!(!reloads.running());
        // Asked again: this one is the newest and shows.
        let again = reloads.ask(Msg::BusyReload, |_, _| 3);
        assert!(matches!(
            run::<i32>(&mut jobs, again, &mut reloads, &session),
            Back::Fresh(3)
        ));

        // The screen read the same itself meanwhile: the read is dropped, not asked again.
        let read = reloads.ask(Msg::BusyReload, |_, _| 4);
        reloads.outdate();
        assert!(matches!(
            run::<i32>(&mut jobs, read, &mut reloads, &session),
            Back::Outdated { again: false }
        ));

        // A read that panics says so, and the next one runs.
        let fails = reloads.ask(Msg::BusyReload, |_, _| -> i32 {
            panic!("a read that fails")
        });
        assert!(matches!(
            run::<i32>(&mut jobs, fails, &mut reloads, &session),
            Back::Failed
        ));
        assert!(!reloads.running());
        // Another view's result is not taken for this one's.
        let mut other = Reloads::default();
        let theirs = other.ask(Msg::BusyReload, |_, _| 5);
        let Some(Effect::Read(job)) = theirs.0.into_iter().next() else {
            panic!("a read");
        };
        jobs.start(0, job, false, &session, Lang::Nl);
        let _ = reloads.ask(Msg::BusyReload, |_, _| 6);
        let result = jobs.finished(Wait::All).remove(0).1;
        assert!(matches!(
            reloads.take::<i32>(result),
            Ok(Back::Outdated { .. })
        ));
    }
}
