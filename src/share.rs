//! The code of a playground share link (`/playground#code=…`): the text compressed with
//! lz-string's `compressToUint8Array`, then base64url without padding.
//!
//! Kept in the app's own wasm, not in the editor bundle, so that a shared link opens even when
//! the editor cannot be loaded (the plain text box then shows the code). Links made before,
//! by the JavaScript lz-string 1.5 in the editor bundle, decode the same (tested).

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

/// The longest fragment data we decode, in bytes: we never hand out links over 8 KiB, and
/// decompression grows with the square of its input in the worst case.
pub const MAX_DATA: usize = 8 * 1024;

/// base64url as browsers' `atob` reads it after `-`/`_` are swapped back: padding optional,
/// stray low bits of the last character ignored.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// `text` as the URL-safe data of a share link's fragment.
pub fn encode(text: &str) -> String {
    BASE64URL.encode(lz_str::compress_to_uint8_array(text))
}

/// The text of a link's data, or `None` when the data is damaged, incomplete, empty or longer
/// than [`MAX_DATA`].
pub fn decode(data: &str) -> Option<String> {
    if data.len() > MAX_DATA {
        return None;
    }
    let bytes = BASE64URL.decode(data).ok()?;
    let units = lz_str::decompress_from_uint8_array(&bytes)?;
    let text = String::from_utf16(&units).ok()?;
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_round_trips() {
        for text in [
            "print('hello')\n",
            "def f(x):\n    return [x ** 2 for x in range(10)]\n\nprint(f(3))\n",
            "s = \"naïve café — 日本語 🐍\"\nprint(s[::-1])\n",
            &"x = 1\n".repeat(500),
        ] {
            assert_eq!(decode(&encode(text)).as_deref(), Some(text));
        }
    }

    /// Made with the editor bundle's JavaScript (lz-string 1.5.0's `compressToUint8Array`,
    /// `btoa`, `+/` → `-_`, `=` dropped): links shared before the codec moved still open.
    #[test]
    fn links_made_by_the_javascript_codec_open() {
        for (data, text) in FROM_JAVASCRIPT {
            assert_eq!(decode(data).as_deref(), Some(*text), "{data}");
            assert_eq!(encode(text), *data, "the same link as before");
        }
    }

    #[test]
    fn damaged_or_oversized_data_is_refused() {
        let good = encode("print(1)\n");
        for data in [
            "",
            "!!!",
            "a",
            &good[..good.len() - 3],
            "AAAA",
            &"A".repeat(MAX_DATA + 4),
        ] {
            assert_eq!(decode(data), None, "{data}");
        }
    }

    proptest::proptest! {
        /// Whatever a link holds, decoding ends without a panic (which would stop the app).
        #[test]
        fn any_data_decodes_without_panicking(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..600)) {
            let _ = decode(&BASE64URL.encode(&bytes));
        }

        #[test]
        fn any_text_round_trips(text in "\\PC{0,300}") {
            proptest::prop_assert_eq!(decode(&encode(&text)), (!text.is_empty()).then_some(text));
        }
    }

    const FROM_JAVASCRIPT: &[(&str, &str)] = &[
        (
            "A4JwlgdgLgFA5ACQKYBsUHsA0ACA7ukFAEwEI4BKAKCAAA",
            "print('Hello, world!')\n",
        ),
        (
            "GYewTgBAltB2FgIawOYFMAUBmAlALgCgJiIAHMKWAFwxgCoIAiRAI0ZwKAA",
            "for i in range(3):\n    print(i * \"ab\")\n",
        ),
        (
            "HYQwtgpgBAvFBEAtA9ga_lKBiKAf4A9wMYBvAJgJdQjBlSC8G4LA7AUAA4BOAlsAC4AUAM3gBvUJACE7AL7wAlMyAAA",
            "name = \"Zoë\"  # ünïcödé and 🐍\nprint(f\"{name!r}\")\n",
        ),
    ];
}
