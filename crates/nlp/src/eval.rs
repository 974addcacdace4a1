//! CoNLL 2018 UD evaluation. (Placeholder: being written.)
