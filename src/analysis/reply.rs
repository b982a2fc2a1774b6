//! Replies: a product mention or a link in answer to someone who asked for one is help.

use super::automata::{fixed, Fixed};

/// Words with which a post asks for recommendations, tools or help.
pub(crate) const REQUEST: &str = r"\brecommend(?:ation|ations|ed)?\b|\bsuggest(?:ion|ions)?\b|\bany\s+(?:good\s+)?(?:tools?|apps?|books?|services?|products?|alternatives?|options?|resources?|courses?|sites?|websites?|plugins?|libraries|library|software|ideas|tips|advice|links?)\b|\blooking\s+for\s+(?:a|an|some|good)\b|\b(?:does\s+)?anyone\s+(?:know|have|use|tried)\b|\bwhat\s+(?:do|should|would)\s+(?:you|y'?all|i|people)\s+(?:all\s+)?(?:use|recommend|suggest|try|get|buy)\b|\bwhere\s+(?:can|do|should)\s+i\s+(?:find|get|buy|learn)\b|\b(?:need|want)\s+(?:a|an|some)\s+(?:good\s+)?(?:tool|app|help|advice|recommendation|alternative|source|link)\b|\bhelp\s+me\s+(?:find|choose|pick|decide)\b|\bwhich\s+(?:\S+\s+){0,3}(?:should|would|do)\s+(?:i|you)\b|\bbest\s+(?:\S+\s+)?(?:tool|app|way|place|service|option)s?\s+(?:for|to)\b|\bis\s+there\s+(?:a|an|any)\s+(?:\S+\s+){0,2}(?:tool|app|way|service|site|link|guide)\b|\bcan\s+(?:someone|anyone|you)\s+(?:point|link|share|send)\b";

/// Words with which a reply says it answers a request ("here's the link you asked for").
pub(crate) const HELP_CUE: &str = r"\byou\s+asked\b|\bas\s+requested\b|\bhope\s+(?:this|it|that)\s+helps\b|\b(?:this|that|it)\s+(?:might|may|should|could)\s+help\b|\bin\s+case\s+(?:it|this)\s+helps\b|\bhere'?s\s+(?:the|a)\s+(?:link|guide|article|source|doc|docs)\b|\bwhat\s+worked\s+for\s+me\b";

/// Whether the parent post asks for recommendations or help.
pub(crate) fn asks_for_help(parent: &str) -> bool {
    fixed(Fixed::Request).is_match(parent.as_bytes())
}

/// Whether a reply presents itself as answering a request.
pub(crate) fn answers_request(reply: &str) -> bool {
    fixed(Fixed::HelpCue).is_match(reply.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_recognised() {
        for parent in [
            "Can anyone recommend a good invoicing tool?",
            "any tool for tracking habits?",
            "What do you all use for backups",
            "Looking for a decent mechanic in Leeds",
            "Is there an app that does this?",
        ] {
            assert!(asks_for_help(parent), "{parent}");
        }
        for parent in ["Just shipped our new release!", "What a sunset tonight"] {
            assert!(!asks_for_help(parent), "{parent}");
        }
    }
}
