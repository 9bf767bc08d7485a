//! Announcements of committed changes: which records a transaction wrote, and who wrote them.
//!
//! [`Store::transact`](super::Store::transact) notes every record written or removed through
//! [`Tx::put`](super::Tx::put) and [`Tx::remove`](super::Tx::remove) (a transaction that sled runs
//! again after a conflict starts its list anew), and the user from the audit entry the service
//! writes in the same transaction. After the transaction has committed and is on disk, the list
//! goes to every [`Subscription`] as one [`ChangeSet`]. A front end reloads only what depends on
//! the trees a change set touches; another session (the server) sees the change the same way.
//!
//! A slow subscriber never holds up a writer: each subscription holds at most a fixed number of
//! change sets, and when it is full the newest are dropped for it and it is marked as having
//! lagged ([`Subscription::lagged`]): it should then reload everything. A dropped subscription is
//! forgotten at the next announcement. (Not sled's `watch_prefix`, whose slow subscribers block
//! every writer.)
//!
//! Not announced: writes that do not go through a transaction (opening and migrating a store,
//! restoring a backup, `demo`'s marks): they happen before a front end is shown.

use super::TreeId;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// One record written or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Change {
    /// The tree (the kind of record).
    pub tree: TreeId,
    /// The record's key.
    pub id: u64,
}

/// What one committed transaction changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeSet {
    /// The user whose session wrote it (from its audit entry); `None` for a write without one.
    pub who: Option<String>,
    /// The records, each once, in the order first written.
    pub changes: Vec<Change>,
}

impl ChangeSet {
    /// True when the change set wrote or removed a record of `tree`.
    pub fn touches(&self, tree: TreeId) -> bool {
        self.changes.iter().any(|c| c.tree == tree)
    }
}

/// How many change sets a subscription holds before it lags.
pub const CAPACITY: usize = 256;

/// A front end's (or a session's) subscription to the change sets of one store.
#[derive(Debug)]
pub struct Subscription {
    receiver: Receiver<Arc<ChangeSet>>,
    lagged: Arc<AtomicBool>,
}

impl Subscription {
    /// The next change set, if one is waiting.
    pub fn try_next(&self) -> Option<Arc<ChangeSet>> {
        self.receiver.try_recv().ok()
    }

    /// The next change set, waiting at most `timeout` for one.
    pub fn next_timeout(&self, timeout: Duration) -> Option<Arc<ChangeSet>> {
        self.receiver.recv_timeout(timeout).ok()
    }

    /// True (once) when change sets were dropped because this subscription was full: what it
    /// shows may be out of date, so it should reload everything.
    pub fn lagged(&self) -> bool {
        self.lagged.swap(false, Ordering::AcqRel)
    }
}

/// What a subscriber is woken with once a change set is in its queue.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// One subscriber: where its change sets go, its "lagged" flag, and what wakes it.
struct Subscriber {
    sender: SyncSender<Arc<ChangeSet>>,
    lagged: Arc<AtomicBool>,
    wake: Option<Wake>,
}

/// The subscribers of one store.
#[derive(Default)]
pub(crate) struct Announcer {
    subscribers: Mutex<Vec<Subscriber>>,
}

impl std::fmt::Debug for Announcer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Announcer").finish_non_exhaustive()
    }
}

impl Announcer {
    pub(crate) fn subscribe(&self, wake: Option<Wake>) -> Subscription {
        let (sender, receiver) = sync_channel(CAPACITY);
        let lagged = Arc::new(AtomicBool::new(false));
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(Subscriber {
                sender,
                lagged: lagged.clone(),
                wake,
            });
        Subscription { receiver, lagged }
    }

    /// Hands a committed change set to every subscriber without waiting for any, then wakes
    /// those that asked to be (after all have it, so whoever is woken finds it in every
    /// subscription it holds).
    pub(crate) fn announce(&self, set: ChangeSet) {
        let set = Arc::new(set);
        let mut wake = Vec::new();
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|s| {
                let alive = match s.sender.try_send(set.clone()) {
                    Ok(()) => true,
                    Err(TrySendError::Full(_)) => {
                        s.lagged.store(true, Ordering::Release);
                        true
                    }
                    Err(TrySendError::Disconnected(_)) => false,
                };
                if alive {
                    wake.extend(s.wake.clone());
                }
                alive
            });
        for w in wake {
            w();
        }
    }

    /// How many subscriptions are alive (for tests).
    #[cfg(test)]
    pub(crate) fn subscribers(&self) -> usize {
        self.subscribers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }
}

/// What a transaction wrote so far (cleared when sled runs it again).
#[derive(Debug, Default)]
pub(crate) struct Log {
    pub(crate) who: Option<String>,
    pub(crate) changes: Vec<Change>,
}

impl Log {
    pub(crate) fn note(&mut self, tree: TreeId, id: u64) {
        let change = Change { tree, id };
        if !self.changes.contains(&change) {
            self.changes.push(change);
        }
    }

    pub(crate) fn take(&mut self) -> Option<ChangeSet> {
        if self.changes.is_empty() {
            return None;
        }
        Some(ChangeSet {
            who: self.who.take(),
            changes: std::mem::take(&mut self.changes),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(id: u64) -> ChangeSet {
        ChangeSet {
            who: Some("beheer".into()),
            changes: vec![Change {
                tree: TreeId::Members,
                id,
            }],
        }
    }

    #[test]
    fn a_full_subscription_lags_without_holding_up_the_writer_and_a_dropped_one_goes() {
        let announcer = Announcer::default();
        let slow = announcer.subscribe(None);
        let gone = announcer.subscribe(None);
        drop(gone);
        for id in 0..(CAPACITY as u64 + 10) {
            announcer.announce(set(id));
        }
        assert_eq!(
            announcer.subscribers(),
            1,
            "the dropped subscription is forgotten"
        );
        assert!(slow.lagged());
        assert!(!slow.lagged(), "said once");
        let mut got = 0;
        while let Some(s) = slow.try_next() {
            assert_eq!(s.changes[0].id, got);
            got += 1;
        }
        assert_eq!(got, CAPACITY as u64, "the oldest kept, the newest dropped");
    }

    #[test]
    fn a_waking_subscriber_is_woken_once_every_subscription_has_the_change() {
        use std::sync::atomic::AtomicUsize;
        let announcer = Arc::new(Announcer::default());
        let woken = Arc::new(AtomicUsize::new(0));
        let later = Arc::new(Mutex::new(None::<Subscription>));
        let (w, l) = (woken.clone(), later.clone());
        let _waking = announcer.subscribe(Some(Arc::new(move || {
            // The subscription made after this one already holds the change set.
            let got = l.lock().unwrap().as_ref().and_then(|s| s.try_next());
            assert!(got.is_some(), "woken before every subscription had it");
            w.fetch_add(1, Ordering::SeqCst);
        })));
        *later.lock().unwrap() = Some(announcer.subscribe(None));
        announcer.announce(set(1));
        assert_eq!(woken.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn the_log_names_each_record_once_in_order() {
        let mut log = Log::default();
        log.note(TreeId::Members, 3);
        log.note(TreeId::Audit, 9);
        log.note(TreeId::Members, 3);
        let taken = log.take().unwrap();
        assert_eq!(taken.changes.len(), 2);
        assert!(taken.touches(TreeId::Audit) && !taken.touches(TreeId::Runs));
        assert!(log.take().is_none());
    }
}
