//! From signals to the two scores, the verdict and what each strictness shows.

use super::model::{self, FITTED_THRESHOLDS};
use super::options::Strictness;
use super::report::{Axis, Category, Scores, Severity, Verdict};
use super::rules::Signal;
use super::text::Text;

/// The pitch score at which each preset calls a draft a pitch: the fitted probability
/// thresholds, as percentages.
pub(crate) fn pitch_threshold(strictness: Strictness) -> u8 {
    let probability = match strictness {
        Strictness::Relaxed => FITTED_THRESHOLDS[0],
        Strictness::Balanced => FITTED_THRESHOLDS[1],
        Strictness::Strict => FITTED_THRESHOLDS[2],
    };
    to_score(probability * 100.0)
}

/// The least severity each preset shows (conversation signals are always shown).
fn least_severity_shown(strictness: Strictness) -> Severity {
    match strictness {
        Strictness::Relaxed => Severity::Alert,
        Strictness::Balanced => Severity::Warning,
        Strictness::Strict => Severity::Hint,
    }
}

/// A plain statement with no pitch still leaves a little room for an answer.
const BASE_CONVERSATION: f32 = 20.0;

/// Combines weights like independent pieces of evidence, each repeat of a rule counting
/// half as much as the one before, so that ten links are not ten times one link.
fn combine<'a>(signals: impl Iterator<Item = &'a Signal>) -> f32 {
    // A handful of rules fire per draft: a short list beats a hash map.
    let mut repeats: Vec<(&str, i32)> = Vec::new();
    let mut doubt = 1.0f32;
    for signal in signals {
        let seen = match repeats.iter_mut().find(|(rule, _)| *rule == signal.rule.id) {
            Some((_, seen)) => seen,
            None => {
                repeats.push((signal.rule.id, 0));
                &mut repeats.last_mut().expect("just pushed").1
            }
        };
        let weight = f32::from(signal.weight) / 100.0 * 0.5f32.powi(*seen);
        *seen += 1;
        doubt *= 1.0 - weight.clamp(0.0, 1.0);
    }
    100.0 * (1.0 - doubt)
}

/// The pitch score is the model's probability of a pitch, in percent. The conversation
/// score has no labelled data to fit: it combines the good signs' hand-set weights.
pub(crate) fn scores(signals: &[Signal], text: &Text) -> Scores {
    let pitch = 100.0 * model::pitch_probability(&model::evidence(signals, text));
    let positive = combine(signals.iter().filter(|s| s.category().is_positive()));
    let base = if text.word_count() == 0 { 0.0 } else { BASE_CONVERSATION };
    let mut conversation = base + (100.0 - base) * positive / 100.0;
    conversation *= 1.0 - 0.6 * pitch / 100.0;
    for category in [Category::HookQuestion, Category::EngagementBait] {
        if signals.iter().any(|s| s.category() == category) {
            conversation -= 25.0;
        }
    }
    conversation -= signals
        .iter()
        .filter(|s| s.category() == Category::Broadcast)
        .map(|s| f32::from(s.weight))
        .sum::<f32>();
    Scores { pitch: to_score(pitch), conversation: to_score(conversation) }
}

fn to_score(value: f32) -> u8 {
    value.round().clamp(0.0, 100.0) as u8
}

/// Whether a signal is reported at this strictness, given the draft's verdict there.
pub(crate) fn is_shown(signal: &Signal, strictness: Strictness, verdict: Verdict) -> bool {
    signal.severity == Severity::Good
        || signal.severity >= least_severity_shown(strictness)
        || (verdict == Verdict::Pitch && signal.category().axis() == Axis::Pitch)
}

pub(crate) fn verdict(signals: &[Signal], scores: Scores, strictness: Strictness) -> Verdict {
    let least = least_severity_shown(strictness);
    let alert = signals.iter().any(|s| s.category().axis() == Axis::Pitch && s.severity == Severity::Alert);
    if scores.pitch >= pitch_threshold(strictness) || alert {
        return Verdict::Pitch;
    }
    let has_opening = signals.iter().any(|s| s.category().is_positive());
    let broadcast_shown = signals.iter().any(|s| s.category() == Category::Broadcast && s.rule.whole_draft && s.severity >= least);
    if strictness != Strictness::Relaxed && !has_opening && broadcast_shown {
        Verdict::NoRoom
    } else {
        Verdict::Conversation
    }
}
