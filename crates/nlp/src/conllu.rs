//! CoNLL-U reading and writing. (Placeholder: being written.)
