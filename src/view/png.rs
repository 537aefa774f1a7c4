//! A saved image's bytes: the PNG a canvas drew, read from its data URL, with text chunks (title, description, the SVG it was drawn from) added after its header; pure, no DOM calls.

/// The bytes of a `data:…;base64,` URL; `None` when it is not one.
pub fn data_url_bytes(url: &str) -> Option<Vec<u8>> {
    const MARK: &str = ";base64,";
    let b64 = url.get(super::find_str(url, MARK)? + MARK.len()..)?;
    let mut out = Vec::with_capacity(b64.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in b64.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = !0u32;
    for &b in parts.iter().flat_map(|p| p.iter()) {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

const SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a];

/// `png` with an uncompressed international text chunk (`iTXt`, UTF-8) for each
/// `(keyword, text)` after its header chunk, where readers look for them first. `None` when
/// `png` is not a PNG that starts with its header, or a keyword is not 1–79 Latin letters,
/// digits or spaces.
pub fn with_text(png: &[u8], chunks: &[(&str, &str)]) -> Option<Vec<u8>> {
    if png.get(..8)? != SIGNATURE || png.get(12..16)? != b"IHDR" {
        return None;
    }
    let ihdr_len = u32::from_be_bytes(png.get(8..12)?.try_into().ok()?) as usize;
    let after_ihdr = 8usize.checked_add(12)?.checked_add(ihdr_len)?;
    let (head, rest) = (png.get(..after_ihdr)?, png.get(after_ihdr..)?);
    let mut out = Vec::with_capacity(
        png.len()
            + chunks
                .iter()
                .map(|(k, t)| k.len() + t.len() + 17)
                .sum::<usize>(),
    );
    out.extend_from_slice(head);
    for (keyword, text) in chunks {
        let ok = (1..80).contains(&keyword.len())
            && keyword
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b' ');
        if !ok {
            return None;
        }
        // keyword, NUL, not compressed, method 0, no language tag (NUL), no translated keyword (NUL)
        let mut data = Vec::with_capacity(keyword.len() + text.len() + 5);
        data.extend_from_slice(keyword.as_bytes());
        data.extend_from_slice(&[0, 0, 0, 0, 0]);
        data.extend_from_slice(text.as_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        out.extend_from_slice(b"iTXt");
        out.extend_from_slice(&data);
        out.extend_from_slice(&crc32(&[b"iTXt", &data]).to_be_bytes());
    }
    out.extend_from_slice(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_of_a_data_url() {
        assert_eq!(
            data_url_bytes("data:text/plain;base64,aGVsbG8gd29ybGQ="),
            Some(b"hello world".to_vec())
        );
        assert_eq!(data_url_bytes("data:,x"), None);
        assert_eq!(data_url_bytes("data:x;base64,a*b"), None);
    }

    #[test]
    fn crc_of_iend() {
        // Every PNG ends with this chunk and this CRC.
        assert_eq!(crc32(&[b"IEND"]), 0xAE42_6082);
    }

    #[test]
    fn text_goes_after_the_header() {
        let mut png = SIGNATURE.to_vec();
        png.extend_from_slice(&13u32.to_be_bytes());
        png.extend_from_slice(b"IHDR");
        png.extend_from_slice(&[0; 13 + 4]);
        png.extend_from_slice(&[0, 0, 0, 0]);
        png.extend_from_slice(b"IEND");
        png.extend_from_slice(&0xAE42_6082u32.to_be_bytes());
        let out = with_text(&png, &[("Title", "西安")]).expect("a PNG");
        let chunk = &out[33..];
        assert_eq!(&chunk[..4], &(5 + 5 + 6u32).to_be_bytes());
        assert_eq!(&chunk[4..8], b"iTXt");
        assert_eq!(&chunk[8..13], b"Title");
        assert_eq!(&chunk[18..24], "西安".as_bytes());
        assert_eq!(&out[out.len() - 8..out.len() - 4], b"IEND");
        assert_eq!(with_text(b"GIF89a", &[]), None);
        assert_eq!(with_text(&png, &[("bad\u{0}", "x")]), None);
    }
}
