//! Input and output types: one [`Activity`] in, one [`Verdict`] out (SPEC §1, §2).
//!
//! Both are serde types that read and write the JSON of the contract exactly.
//! Reading is lenient where the contract allows it (unknown fields are
//! ignored, only `id` is required, action aliases are accepted) and strict
//! where a wrong value would silently change a verdict (an unknown action or
//! role is an error, not a default).

use serde::{Deserialize, Serialize};

/// What the actor did.
///
/// Aliases accepted on input: `post` → `upload`, `repost`/`retweet` →
/// `share`, `react` → `like`, `join` → `follow`. Output always uses the
/// canonical name.
///
/// ```
/// use netral::Action;
/// let a: Action = serde_json::from_str("\"retweet\"").unwrap();
/// assert_eq!(a, Action::Share);
/// assert_eq!(serde_json::to_string(&a).unwrap(), "\"share\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// A post, caption or status of the actor's own.
    #[default]
    #[serde(alias = "post")]
    Upload,
    /// A comment on someone else's content (`target`).
    Comment,
    /// A share, repost or retweet of `target`, optionally with `text`.
    #[serde(alias = "repost", alias = "retweet")]
    Share,
    /// A like or reaction to `target`.
    #[serde(alias = "react")]
    Like,
    /// Following or joining the account or group described by `target`.
    #[serde(alias = "join")]
    Follow,
}

impl Action {
    /// The canonical lower-case name.
    ///
    /// ```
    /// assert_eq!(netral::Action::Like.as_str(), "like");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Upload => "upload",
            Action::Comment => "comment",
            Action::Share => "share",
            Action::Like => "like",
            Action::Follow => "follow",
        }
    }
}

/// Who the actor is, as far as the neutrality rules are concerned.
///
/// ```
/// use netral::Role;
/// assert!(Role::NonAsn.is_bound());
/// assert!(!Role::Public.is_bound());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Role {
    /// A civil servant (PNS or PPPK): bound by the rules.
    #[default]
    #[serde(rename = "asn")]
    Asn,
    /// Government staff who are not ASN (honorer, contract): bound by the same duties.
    #[serde(rename = "non_asn")]
    NonAsn,
    /// Anyone else: not bound by the ASN rules.
    #[serde(rename = "public")]
    Public,
}

impl Role {
    /// Whether the neutrality rules apply to this role.
    pub fn is_bound(self) -> bool {
        !matches!(self, Role::Public)
    }
}

/// Whose account the activity came from.
///
/// ```
/// let a: netral::Account = serde_json::from_str("\"official\"").unwrap();
/// assert_eq!(a, netral::Account::Official);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Account {
    /// A person's own account.
    #[default]
    Personal,
    /// An institution's account (a dinas, a kecamatan): a state facility, aggravating.
    Official,
}

/// The actor of an activity.
///
/// ```
/// let a: netral::Actor = serde_json::from_str(r#"{"id":"u1"}"#).unwrap();
/// assert_eq!(a.role, netral::Role::Asn);
/// assert_eq!(a.account, netral::Account::Personal);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Actor {
    /// The caller's id for the actor, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The actor's role; default `asn`.
    #[serde(default)]
    pub role: Role,
    /// The account type; default `personal`.
    #[serde(default)]
    pub account: Account,
}

/// One activity to classify (SPEC §1).
///
/// ```
/// let a: netral::Activity = serde_json::from_str(
///     r#"{"id":"42","action":"like","target":"Ayo coblos 02!","extra":"ignored"}"#,
/// ).unwrap();
/// assert_eq!(a.id, "42");
/// assert_eq!(a.action, netral::Action::Like);
/// assert_eq!(a.target.as_deref(), Some("Ayo coblos 02!"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Activity {
    /// The caller's id, echoed back unchanged.
    pub id: String,
    /// What the actor did; default `upload`.
    #[serde(default)]
    pub action: Action,
    /// The actor's own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The content acted on; for `follow` the account or group name and bio.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Descriptions of attached images or video.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub media: Vec<String>,
    /// Hashtags given separately from the text, with or without `#`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hashtags: Vec<String>,
    /// Who did it; default an ASN on a personal account.
    #[serde(default, deserialize_with = "actor_object")]
    pub actor: Actor,
    /// RFC 3339 timestamp, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// Free text, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
}

impl Activity {
    /// A new upload with the given id and text, by an ASN on a personal account.
    ///
    /// ```
    /// let a = netral::Activity::upload("1", "Selamat pagi");
    /// assert_eq!(a.text.as_deref(), Some("Selamat pagi"));
    /// ```
    pub fn upload(id: impl Into<String>, text: impl Into<String>) -> Self {
        Activity {
            id: id.into(),
            text: Some(text.into()),
            ..Activity::default()
        }
    }

    /// The text of a field named as in evidence (`text`, `target`,
    /// `media[0]`, `hashtags[1]`), if present.
    ///
    /// ```
    /// let mut a = netral::Activity::upload("1", "halo");
    /// a.media.push("foto".into());
    /// assert_eq!(a.field("media[0]"), Some("foto"));
    /// assert_eq!(a.field("media[1]"), None);
    /// ```
    pub fn field(&self, name: &str) -> Option<&str> {
        match name {
            "text" => self.text.as_deref(),
            "target" => self.target.as_deref(),
            _ => {
                let (list, rest) = if let Some(r) = name.strip_prefix("media[") {
                    (&self.media, r)
                } else if let Some(r) = name.strip_prefix("hashtags[") {
                    (&self.hashtags, r)
                } else {
                    return None;
                };
                let idx: usize = rest.strip_suffix(']')?.parse().ok()?;
                list.get(idx).map(String::as_str)
            }
        }
    }
}

/// The three verdicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    /// Nothing to report.
    Clear,
    /// A human should look.
    Review,
    /// A breach of the neutrality rules.
    Breach,
}

impl VerdictKind {
    /// The lower-case name.
    ///
    /// ```
    /// assert_eq!(netral::VerdictKind::Breach.as_str(), "breach");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            VerdictKind::Clear => "clear",
            VerdictKind::Review => "review",
            VerdictKind::Breach => "breach",
        }
    }
}

/// One piece of evidence: an exact span of an original field.
///
/// `start`/`end` are byte offsets into the original field, so
/// `field[start..end] == quote` always holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// `text`, `target`, `media[i]` or `hashtags[i]`.
    pub field: String,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The exact original substring.
    pub quote: String,
    /// What the words are: `candidate`, `ticket_number`, `symbol`, `support`,
    /// `oppose`, `campaign`, `invite`, `role`, `election`, `neutrality`,
    /// `news`, `participation`, `negation`, `everyday`.
    pub kind: String,
}

/// A candidate or ticket concerned by a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The election id from the registry, when it could be told.
    pub election: Option<String>,
    /// The ballot number.
    pub number: u32,
    /// The candidates' names.
    pub names: Vec<String>,
}

/// One verdict (SPEC §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// The activity's id; `None` for a line that could not be read.
    pub id: Option<String>,
    /// 1-based input line number, when read from a file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The canonical action.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
    /// The actor, as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<Actor>,
    /// The platform, as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// The timestamp, as read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// `None` only for an error record.
    pub verdict: Option<VerdictKind>,
    /// Confidence that the activity is a breach, 0.0–1.0, monotone with the verdict.
    pub score: f64,
    /// Rule ids (REGULATIONS.md), most serious first.
    pub rules: Vec<String>,
    /// The contract's codes that fired (`B1`…`B7`, `R1`…`R3`, `C1`…`C4`), most serious first.
    pub codes: Vec<String>,
    /// Candidates and tickets concerned.
    pub targets: Vec<Target>,
    /// Exact spans that decided the verdict.
    pub evidence: Vec<Evidence>,
    /// Short explanations, Indonesian and English.
    pub reasons: Vec<String>,
    /// Why the line could not be read; present only on error records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Verdict {
    /// An error record for an input line that could not be read.
    ///
    /// ```
    /// let v = netral::Verdict::error(Some(3), "bad JSON");
    /// assert!(v.verdict.is_none());
    /// assert_eq!(v.line, Some(3));
    /// ```
    pub fn error(line: Option<u64>, message: impl Into<String>) -> Self {
        Verdict {
            id: None,
            line,
            action: None,
            actor: None,
            platform: None,
            created_at: None,
            verdict: None,
            score: 0.0,
            rules: Vec::new(),
            codes: Vec::new(),
            targets: Vec::new(),
            evidence: Vec::new(),
            reasons: Vec::new(),
            error: Some(message.into()),
        }
    }
}

/// Reads an actor only from a JSON object (or `null`, the default actor): a
/// list in its place is an error, not a positional actor.
fn actor_object<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Actor, D::Error> {
    struct ObjectOnly;
    impl<'de> serde::de::Visitor<'de> for ObjectOnly {
        type Value = Actor;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an actor object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Actor, A::Error> {
            Actor::deserialize(serde::de::value::MapAccessDeserializer::new(map))
        }
        /// `"actor": null` is an actor nobody described: the default.
        fn visit_unit<E: serde::de::Error>(self) -> Result<Actor, E> {
            Ok(Actor::default())
        }
    }
    d.deserialize_any(ObjectOnly)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actor_must_be_an_object() {
        let list = r#"{"id":"a","actor":["u1","public"]}"#;
        let err = serde_json::from_str::<Activity>(list).unwrap_err();
        assert!(err.to_string().contains("actor object"), "{err}");
        let null: Activity = serde_json::from_str(r#"{"id":"b","actor":null}"#).unwrap();
        assert_eq!(null.actor, Actor::default());
        let obj: Activity =
            serde_json::from_str(r#"{"id":"c","actor":{"role":"public"}}"#).unwrap();
        assert_eq!(obj.actor.role, Role::Public);
    }
}
