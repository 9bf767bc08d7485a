//! The logged-in part of the shell: the session's tabs, the layers over them, the change
//! announcements and the background work, and applying what screens and layers answer.

use super::{error, Status};
use crate::i18n::Lang;
use crate::jobs::Jobs;
use crate::keys::Action;
use crate::layers::{HelpLayer, Layer};
use crate::screen::{Cx, Effect, Effects, Screen, Shared};
use kapstok_core::store::changes::{ChangeSet, Subscription};
use kapstok_core::{Kapstok, Session};
use std::path::PathBuf;
use std::sync::Arc;

/// The logged-in part: the session, its tabs and the layers over them.
pub(super) struct Main {
    pub(super) who: Who,
    pub(super) screens: Vec<Box<dyn Screen>>,
    /// Per screen: a change it depends on came while it was not shown.
    pub(super) stale: Vec<bool>,
    pub(super) tab: usize,
    /// The layers, bottom first, each with the screen it belongs to.
    pub(super) layers: Vec<(usize, Box<dyn Layer>)>,
    pub(super) changes: Subscription,
    pub(super) jobs: Jobs,
}

/// Who is logged in, and where their files go: what a [`Cx`] is made of.
pub(super) struct Who {
    pub(super) session: Session,
    pub(super) out_dir: PathBuf,
}

impl Who {
    pub(super) fn cx<'a>(&'a self, k: &'a Kapstok, lang: Lang) -> Cx<'a> {
        Cx {
            k,
            session: &self.session,
            lang,
            out_dir: &self.out_dir,
        }
    }
}

impl Main {
    /// A job's result: to the layers of the screen that asked, top down, then the screen.
    pub(super) fn take_result(
        &mut self,
        owner: usize,
        result: Box<dyn std::any::Any + Send>,
        k: &Kapstok,
        lang: Lang,
        status: &mut Status,
    ) {
        let effects = match self.screens.get_mut(owner) {
            // A job that panicked says so; nothing was saved by its end.
            _ if result.is::<crate::jobs::JobFailed>() => crate::jobs::failed(lang),
            Some(screen) => {
                let cx = self.who.cx(k, lang);
                let mut result = Err(result);
                for (_, layer) in self.layers.iter_mut().rev().filter(|l| l.0 == owner) {
                    match result {
                        Err(r) => result = layer.message(r, &cx),
                        Ok(_) => break,
                    }
                }
                result.unwrap_or_else(|r| screen.message(r, &cx))
            }
            None => Effects::none(),
        };
        self.apply(owner, effects, k, lang, status);
    }

    pub(super) fn update(&mut self, action: Action, k: &Kapstok, lang: Lang, status: &mut Status) {
        if let Some((owner, layer)) = self.layers.pop() {
            if action == Action::Help {
                let mode = layer.mode();
                self.layers.push((owner, layer));
                self.layers.push((owner, Box::new(HelpLayer::new(mode))));
                return;
            }
            let cx = self.who.cx(k, lang);
            let (next, effects) = match self.screens.get_mut(owner) {
                Some(screen) => {
                    let screen: &mut dyn Screen = screen.as_mut();
                    layer.handle(action, screen as &mut dyn std::any::Any, &cx)
                }
                None => (None, Effects::none()),
            };
            if let Some(next) = next {
                self.layers.push((owner, next));
            }
            self.apply(owner, effects, k, lang, status);
        } else {
            let Some(screen) = self.screens.get(self.tab) else {
                return;
            };
            let n = self.screens.len();
            let switched = match action {
                Action::NextTab => Some((self.tab + 1) % n),
                Action::PrevTab => Some((self.tab + n - 1) % n),
                Action::Tab(i) if i < n && screen.lets_tabs_switch() => Some(i),
                _ => None,
            };
            if let Some(i) = switched {
                self.show(i, k, lang, status);
            } else if action == Action::Help && screen.lets_tabs_switch() {
                let mode = screen.mode();
                self.layers.push((self.tab, Box::new(HelpLayer::new(mode))));
            } else {
                let tab = self.tab;
                let cx = self.who.cx(k, lang);
                let effects = self.screens[tab].handle(action, &cx);
                self.apply(tab, effects, k, lang, status);
            }
        }
        self.take_changes(k, lang, status);
    }

    /// Shows tab `i`, reading it again when a change it depends on came while it was hidden.
    pub(super) fn show(&mut self, i: usize, k: &Kapstok, lang: Lang, status: &mut Status) {
        self.tab = i;
        if std::mem::take(&mut self.stale[i]) {
            let cx = self.who.cx(k, lang);
            let mut shared = Shared::new(&self.who.session);
            match self.screens[i].reload(&cx, &mut shared) {
                Ok(effects) => self.apply(i, effects, k, lang, status),
                Err(e) => *status = error(&e, lang),
            }
        }
    }

    /// Reads every tab, sharing one read of the register between them.
    pub(super) fn load_all(&mut self, k: &Kapstok, lang: Lang, status: &mut Status) {
        let cx = self.who.cx(k, lang);
        let mut shared = Shared::new(&self.who.session);
        for screen in &mut self.screens {
            if let Err(e) = screen.load(&cx, &mut shared) {
                *status = error(&e, lang);
            }
        }
        self.stale.iter_mut().for_each(|s| *s = false);
    }

    /// Takes in the change sets core announced: the tab shown updates now, the others when next
    /// shown. A subscription that lagged (it missed change sets) reads everything again. True
    /// when anything changed.
    pub(super) fn take_changes(&mut self, k: &Kapstok, lang: Lang, status: &mut Status) -> bool {
        let mut sets: Vec<Arc<ChangeSet>> = Vec::new();
        while let Some(set) = self.changes.try_next() {
            sets.push(set);
        }
        if self.changes.lagged() {
            self.load_all(k, lang, status);
            return true;
        }
        if sets.is_empty() {
            return false;
        }
        let cx = self.who.cx(k, lang);
        let mut shared = Shared::new(&self.who.session);
        let mut answers = Vec::new();
        for (i, screen) in self.screens.iter_mut().enumerate() {
            let trees = screen.depends_on();
            let hit: Vec<&ChangeSet> = sets
                .iter()
                .map(|s| &**s)
                .filter(|s| trees.iter().any(|t| s.touches(*t)))
                .collect();
            if hit.is_empty() {
                continue;
            }
            if i != self.tab && !screen.follows_changes_hidden() {
                self.stale[i] = true;
            } else {
                match screen.changed(&cx, &hit, &mut shared) {
                    Ok(effects) => answers.push((i, effects)),
                    Err(e) => *status = error(&e, lang),
                }
            }
        }
        drop(shared);
        for (i, effects) in answers {
            self.apply(i, effects, k, lang, status);
        }
        true
    }

    /// Applies the effects of what the screen at `owner` (or one of its layers) answered.
    pub(super) fn apply(
        &mut self,
        owner: usize,
        effects: Effects,
        k: &Kapstok,
        lang: Lang,
        status: &mut Status,
    ) {
        for effect in effects.0 {
            match effect {
                Effect::Status(s) => *status = s,
                Effect::Push(layer) => self.layers.push((owner, layer)),
                Effect::CloseLayer => {
                    self.layers.pop();
                }
                Effect::Open(target) => {
                    for i in 0..self.screens.len() {
                        let cx = self.who.cx(k, lang);
                        if let Some(more) = self.screens[i].open(target, &cx) {
                            self.stale[i] = true;
                            self.show(i, k, lang, status);
                            self.apply(i, more, k, lang, status);
                            break;
                        }
                    }
                }
                Effect::Spawn(job) => self.jobs.start(owner, job, true, &self.who.session, lang),
                Effect::Read(job) => self.jobs.start(owner, job, false, &self.who.session, lang),
            }
        }
    }
}
