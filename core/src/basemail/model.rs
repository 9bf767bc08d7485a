//! BaseMail records: institutions, recipients, their stays, and weekly card runs.

use crate::common::{Address, IsoWeek, PersonName};
use crate::store::{Record, TreeId};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What kind of place an institution is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InstitutionKind {
    /// A Dutch prison (penitentiaire inrichting, PI).
    Prison,
    /// A detention centre (e.g. for immigration detention).
    DetentionCentre,
    /// The long-stay clinic (Kliniek voor Duurzaam Verblijf).
    LongStayClinic,
    /// A detox clinic.
    DetoxClinic,
    /// A hospital.
    Hospital,
    /// A prison abroad.
    PrisonAbroad,
}

impl InstitutionKind {
    /// All kinds.
    pub const ALL: [InstitutionKind; 6] = [
        InstitutionKind::Prison,
        InstitutionKind::DetentionCentre,
        InstitutionKind::LongStayClinic,
        InstitutionKind::DetoxClinic,
        InstitutionKind::Hospital,
        InstitutionKind::PrisonAbroad,
    ];
    /// The stable names.
    pub const NAMES: &'static [&'static str] = &[
        "prison",
        "detention_centre",
        "long_stay_clinic",
        "detox_clinic",
        "hospital",
        "prison_abroad",
    ];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            InstitutionKind::Prison => "prison",
            InstitutionKind::DetentionCentre => "detention_centre",
            InstitutionKind::LongStayClinic => "long_stay_clinic",
            InstitutionKind::DetoxClinic => "detox_clinic",
            InstitutionKind::Hospital => "hospital",
            InstitutionKind::PrisonAbroad => "prison_abroad",
        }
    }

    /// The kind with this stable name.
    pub fn from_name(name: &str) -> Option<InstitutionKind> {
        let name = name.trim().to_ascii_lowercase();
        InstitutionKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The reason a card goes to someone staying here.
    pub fn card_reason(self) -> CardReason {
        match self {
            InstitutionKind::Prison
            | InstitutionKind::DetentionCentre
            | InstitutionKind::PrisonAbroad => CardReason::Detained,
            InstitutionKind::LongStayClinic | InstitutionKind::DetoxClinic => CardReason::Clinic,
            InstitutionKind::Hospital => CardReason::Hospital,
        }
    }
}

/// A prison, clinic or hospital that cards are sent to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Institution {
    /// Name as it goes on the envelope ("PI Lelystad").
    pub name: String,
    /// Kind.
    pub kind: InstitutionKind,
    /// Postal address (a Postbus, a street, or abroad).
    pub address: Address,
    /// The envelope must carry the registration number.
    pub needs_registration_number: bool,
    /// The envelope must carry the unit or cell.
    pub needs_unit: bool,
    /// The envelope must carry a sender address.
    pub needs_sender: bool,
    /// House rules, shown wherever a card for it is prepared ("plain cards only ...").
    pub house_rules: String,
}

/// The stored versions of an institution.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum InstitutionRecord {
    /// The first version.
    V1(Institution),
}

impl Record for Institution {
    const TREE: TreeId = TreeId::Institutions;
    const KIND: &'static str = "institution";
    type Stored = InstitutionRecord;
    fn to_stored(&self) -> InstitutionRecord {
        InstitutionRecord::V1(self.clone())
    }
    fn from_stored(stored: InstitutionRecord) -> Self {
        match stored {
            InstitutionRecord::V1(i) => i,
        }
    }
}

/// Someone who gets cards: a member, or a non-member from the scene.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recipient {
    /// The member number, for a member (name and birthday then come from the register).
    pub member: Option<u64>,
    /// Name, for a non-member.
    pub name: PersonName,
    /// Known-as, for a non-member.
    pub known_as: String,
    /// Birthday, for a non-member (optional).
    pub birthday: Option<NaiveDate>,
    /// Marked ill since this date: gets a get-well card each week until cleared.
    pub ill_since: Option<NaiveDate>,
    /// Notes for the card writers.
    pub notes: String,
}

/// The stored versions of a recipient.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RecipientRecord {
    /// The first version.
    V1(Recipient),
}

impl Record for Recipient {
    const TREE: TreeId = TreeId::Recipients;
    const KIND: &'static str = "recipient";
    type Stored = RecipientRecord;
    fn to_stored(&self) -> RecipientRecord {
        RecipientRecord::V1(self.clone())
    }
    fn from_stored(stored: RecipientRecord) -> Self {
        match stored {
            RecipientRecord::V1(r) => r,
        }
    }
}

/// A stay of a recipient at an institution. Moving someone is ending one stay and starting
/// another: the history is kept, never one overwritten address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stay {
    /// The recipient's id.
    pub recipient: u64,
    /// The institution's id.
    pub institution: u64,
    /// Unit or cell ("Afdeling B, cel 214").
    pub unit: String,
    /// Registration number at the institution.
    pub registration_number: String,
    /// From.
    pub from: NaiveDate,
    /// Expected release, when known.
    pub expected_release: Option<NaiveDate>,
    /// Ended on.
    pub ended_on: Option<NaiveDate>,
    /// Confirmed still there on this date (after the expected release passed).
    pub confirmed_on: Option<NaiveDate>,
    /// A card came back: no cards until the stay is checked.
    pub check_needed: bool,
}

impl Stay {
    /// True when the stay holds for the whole of the week's delivery: started by Sunday and not
    /// ended by then.
    pub fn current_in(&self, week: IsoWeek) -> bool {
        self.from <= week.sunday() && self.ended_on.is_none_or(|e| e > week.sunday())
    }

    /// True when the expected release lies before the week and nobody confirmed since.
    pub fn release_passed(&self, week: IsoWeek) -> bool {
        match self.expected_release {
            Some(release) if release < week.monday() => {
                self.confirmed_on.is_none_or(|c| c < release)
            }
            _ => false,
        }
    }
}

/// The stored versions of a stay.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum StayRecord {
    /// The first version.
    V1(Stay),
}

impl Record for Stay {
    const TREE: TreeId = TreeId::Stays;
    const KIND: &'static str = "stay";
    type Stored = StayRecord;
    fn to_stored(&self) -> StayRecord {
        StayRecord::V1(self.clone())
    }
    fn from_stored(stored: StayRecord) -> Self {
        match stored {
            StayRecord::V1(s) => s,
        }
    }
}

/// Why a card is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CardReason {
    /// In prison or detention.
    Detained,
    /// In a clinic.
    Clinic,
    /// In hospital.
    Hospital,
    /// Birthday this week.
    Birthday,
    /// Marked ill.
    Ill,
    /// Added by hand.
    Manual,
}

impl CardReason {
    /// The reason in words, as the screens and the run sheet name it.
    pub fn word(self) -> kapstok_text::Msg {
        use kapstok_text::Msg;
        match self {
            CardReason::Detained => Msg::ReasonDetained,
            CardReason::Clinic => Msg::ReasonClinic,
            CardReason::Hospital => Msg::ReasonHospital,
            CardReason::Birthday => Msg::ReasonBirthday,
            CardReason::Ill => Msg::ReasonIll,
            CardReason::Manual => Msg::ReasonManual,
        }
    }

    /// All reasons.
    pub const ALL: [CardReason; 6] = [
        CardReason::Detained,
        CardReason::Clinic,
        CardReason::Hospital,
        CardReason::Birthday,
        CardReason::Ill,
        CardReason::Manual,
    ];

    /// The stable name.
    pub fn name(self) -> &'static str {
        match self {
            CardReason::Detained => "detained",
            CardReason::Clinic => "clinic",
            CardReason::Hospital => "hospital",
            CardReason::Birthday => "birthday",
            CardReason::Ill => "ill",
            CardReason::Manual => "manual",
        }
    }
}

/// Who a card is for: one card per person per week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Who {
    /// A member (by number).
    Member(u64),
    /// A non-member recipient (by id).
    Recipient(u64),
}

/// One card in a run, with a snapshot of the address it used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    /// Who.
    pub who: Who,
    /// The recipient record, when there is one.
    pub recipient: Option<u64>,
    /// The name as shown in lists ("Jan van der Poel").
    pub name: String,
    /// Why, in order (a detainee's birthday: Detained and Birthday).
    pub reasons: Vec<CardReason>,
    /// The reason given when added by hand.
    pub manual_reason: String,
    /// The stay the card goes to, if any.
    pub stay: Option<u64>,
    /// The institution, if any.
    pub institution: Option<u64>,
    /// The institution's name, for sorting and the run sheet.
    pub institution_name: String,
    /// The institution's house rules, as they were when composed.
    pub house_rules: String,
    /// The envelope must carry a sender address.
    pub needs_sender: bool,
    /// The address lines as composed (name first): the snapshot printed on the label.
    pub address: Vec<String>,
    /// Who writes the card.
    pub writer: String,
    /// Written.
    pub written: bool,
    /// Posted on.
    pub posted: Option<NaiveDate>,
    /// Came back on.
    pub returned: Option<NaiveDate>,
}

/// Why someone who might get a card does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LeftOutReason {
    /// The member died.
    Deceased,
    /// The membership ended.
    Ended,
    /// A birthday, but no consent to birthday cards.
    NoConsent,
    /// The stay ended recently and there is no new one.
    StayEnded,
    /// The expected release date passed without confirmation: check where they are.
    ReleasePassed,
    /// No address a card can go to (the field that is missing).
    NoAddress(String),
    /// A card came back: check the stay first.
    Returned,
    /// Removed by hand, with the reason.
    RemovedByHand(String),
}

/// Someone left out of a run, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeftOut {
    /// Who.
    pub who: Who,
    /// The name.
    pub name: String,
    /// Why.
    pub reason: LeftOutReason,
}

/// A change made by hand to a run; kept, so that composing again keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ManualChange {
    /// A card added by hand for a recipient, with the reason.
    Add {
        /// The recipient.
        recipient: u64,
        /// Why.
        reason: String,
    },
    /// A card removed by hand, with the reason.
    Remove {
        /// Who.
        who: Who,
        /// Why.
        reason: String,
    },
}

/// The cards of one ISO week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Run {
    /// The week.
    pub week: IsoWeek,
    /// The cards.
    pub cards: Vec<Card>,
    /// Who was left out and why.
    pub left_out: Vec<LeftOut>,
    /// Changes by hand.
    pub manual: Vec<ManualChange>,
    /// Last composed on.
    pub composed_on: NaiveDate,
    /// Closed (posted) on; a closed run is history and is not composed again.
    pub closed_on: Option<NaiveDate>,
}

impl Run {
    /// The store key of a week's run: year * 100 + week.
    pub fn key(week: IsoWeek) -> u64 {
        (week.year().max(0) as u64) * 100 + u64::from(week.week())
    }
}

/// The stored versions of a run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum RunRecord {
    /// The first version.
    V1(Run),
}

impl Record for Run {
    const TREE: TreeId = TreeId::Runs;
    const KIND: &'static str = "card run";
    type Stored = RunRecord;
    fn to_stored(&self) -> RunRecord {
        RunRecord::V1(self.clone())
    }
    fn from_stored(stored: RunRecord) -> Self {
        match stored {
            RunRecord::V1(r) => r,
        }
    }

    fn encode(&self) -> crate::Result<Vec<u8>> {
        // A week's run is large (thousands of cards): encode it borrowed instead of cloned.
        crate::store::codec::encode(&RunRecordRef::V1(self))
    }
}

/// [`RunRecord`] borrowing the newest variant, to encode without a copy: the same bytes, as
/// serde numbers variants by position.
#[derive(Serialize)]
enum RunRecordRef<'a> {
    V1(&'a Run),
}
