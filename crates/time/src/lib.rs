//! Time: finds temporal expressions and normalises them against the document date.
//!
//! Empty for now. It will read the parsed document and attach TIMEX3 values to it.
