//! Work off the drawing thread: each [`Job`] runs on a thread of its own with a clone of the
//! session, and its result comes back to the screen that asked for it when the shell next looks
//! ([`Jobs::finished`]). While one runs over half a second, the status line says what it does.

use crate::i18n::{Lang, Msg};
use crate::screen::Job;
use kapstok_core::Session;
use std::any::Any;
use std::sync::mpsc::{channel, Receiver, Sender};
use std::time::{Duration, Instant};

/// How long a job runs before the status line shows it.
pub const SHOW_AFTER: Duration = Duration::from_millis(500);

type Done = (u64, Box<dyn Any + Send>);

/// The result of a job that panicked (its screen gets this instead of its own result).
#[derive(Debug)]
pub struct JobFailed;

/// The jobs running, and the channel their results come back on.
pub struct Jobs {
    next: u64,
    running: Vec<(u64, usize, Msg, Instant)>,
    sender: Sender<Done>,
    receiver: Receiver<Done>,
}

impl Default for Jobs {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Jobs {
            next: 0,
            running: Vec::new(),
            sender,
            receiver,
        }
    }
}

impl Jobs {
    /// Starts a job for the screen at `owner`.
    pub fn start(&mut self, owner: usize, job: Job, session: &Session, lang: Lang) {
        let id = self.next;
        self.next += 1;
        self.running.push((id, owner, job.what, Instant::now()));
        let (sender, session) = (self.sender.clone(), session.clone());
        let work = job.work;
        std::thread::spawn(move || {
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
            .find(|(.., started)| started.elapsed() >= SHOW_AFTER)
            .map(|(_, _, what, _)| *what)
    }

    /// The results that came back: the screen each is for, and the result. With `wait`, waits
    /// for every running job first (tests, and quitting).
    pub fn finished(&mut self, wait: bool) -> Vec<(usize, Box<dyn Any + Send>)> {
        let mut out = Vec::new();
        loop {
            let next = if wait && self.busy() {
                self.receiver.recv().ok()
            } else {
                self.receiver.try_recv().ok()
            };
            let Some((id, result)) = next else {
                break;
            };
            if let Some(i) = self.running.iter().position(|r| r.0 == id) {
                let (_, owner, ..) = self.running.remove(i);
                out.push((owner, result));
            }
        }
        out
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
            &session,
            Lang::Nl,
        );
        jobs.start(
            5,
            Job {
                what: Msg::Busy,
                work: Box::new(|_, _| panic!("a job that fails")),
            },
            &session,
            Lang::Nl,
        );
        assert!(jobs.busy());
        let mut done = jobs.finished(true);
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
}
