//! Replies: a product mention or a link in answer to someone who asked for one is help.

use super::rules::{code_pattern, code_pattern::HELP_CUE, code_pattern::REQUEST};

/// Whether the parent post asks for recommendations or help.
pub(crate) fn asks_for_help(parent: &str) -> bool {
    code_pattern(REQUEST).is_match(parent.as_bytes())
}

/// Whether a reply presents itself as answering a request.
pub(crate) fn answers_request(reply: &str) -> bool {
    code_pattern(HELP_CUE).is_match(reply.as_bytes())
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
