//! Stable 64-bit hashing of feature values.
//!
//! Feature keys are stored in the model files, so the hash must never change between builds,
//! platforms or crate versions: it is written here rather than taken from a hashing crate.

const MUL: u64 = 0x9E37_79B9_7F4A_7C15;

/// Mixes a 64-bit value (the finaliser of SplitMix64).
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Hashes a string (FNV-1a over its bytes, then mixed).
#[inline]
pub fn str_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// Combines a feature template number with up to three values into one key.
///
/// The values are already well-mixed hashes, so one multiply per value and a single final
/// mix suffice; this runs about a hundred times per parser step.
#[inline]
pub fn key(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let h = template
        .wrapping_add(1)
        .wrapping_mul(MUL)
        .wrapping_add(a.wrapping_mul(0xD6E8_FEB8_6659_FD93))
        .wrapping_add(b.rotate_left(21).wrapping_mul(0xA076_1D64_78BD_642F))
        .wrapping_add(c.rotate_left(42).wrapping_mul(0xE703_7ED1_A0B4_28DB));
    mix(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable() {
        // These values are part of the model format: if they change, every model breaks.
        assert_eq!(str_hash(""), mix(0xcbf2_9ce4_8422_2325));
        assert_eq!(str_hash("the"), 0x9019_6226_0b6a_34d5);
        assert_ne!(key(1, 2, 3, 4), key(1, 2, 4, 3));
        assert_ne!(key(1, 0, 0, 0), key(2, 0, 0, 0));
    }
}
