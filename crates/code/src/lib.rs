//! Code: turns parsed sentences with actors and dates into CAMEO/PLOVER event records.
//!
//! Empty for now.
