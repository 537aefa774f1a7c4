//! Ids to positions: a small open-addressing hash table (FNV-1a, linear probing) for every
//! lookup by id the reader's module makes — a figure by its id, a relation's id, a section's
//! groups. One type with one value type, so the module carries one copy of the code: a
//! `BTreeMap` per key and value type cost 5.7 KB of it (issue 13). Keys are owned (a dataset's
//! index outlives the parsed JSON); the first value given for a key is kept.

#[derive(Clone, Debug, Default, PartialEq)]
pub struct IdMap {
    /// 0 is an empty slot, n + 1 is `entries[n]`; a power of two long, at most half full.
    slots: Vec<u32>,
    entries: Vec<(Box<str>, u32, (usize, usize))>,
}

fn hash(key: &str) -> u32 {
    key.bytes().fold(0x811c_9dc5, |h: u32, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

impl IdMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: &str, h: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            match self.slots[i] {
                0 => return i,
                n if *self.entries[n as usize - 1].0 == *key => return i,
                _ => i = (i + 1) & mask,
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<(usize, usize)> {
        if self.slots.is_empty() {
            return None;
        }
        match self.slots[self.slot(key, hash(key))] {
            0 => None,
            n => Some(self.entries[n as usize - 1].2),
        }
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// The value for `key`, inserting `value` first when the key is new.
    pub fn entry(&mut self, key: &str, value: (usize, usize)) -> &mut (usize, usize) {
        if self.entries.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let h = hash(key);
        let i = self.slot(key, h);
        let n = match self.slots[i] {
            0 => {
                self.entries.push((key.into(), h, value));
                // At most u32::MAX / 2 entries: the table is sized in u32 slots.
                self.slots[i] = self.entries.len() as u32;
                self.entries.len() - 1
            }
            n => n as usize - 1,
        };
        &mut self.entries[n].2
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(16);
        self.slots = vec![0; size];
        let mask = size - 1;
        for (n, (_, h, _)) in self.entries.iter().enumerate() {
            let mut i = *h as usize & mask;
            while self.slots[i] != 0 {
                i = (i + 1) & mask;
            }
            self.slots[i] = n as u32 + 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;

    #[test]
    fn keeps_the_first_value_and_finds_every_key_across_growth() {
        let mut m = IdMap::new();
        assert_eq!(m.get("a"), None);
        for i in 0..5000 {
            m.entry(&format!("id-{i}"), (i, i + 1));
        }
        assert_eq!(*m.entry("id-7", (99, 99)), (7, 8), "the first value stays");
        assert_eq!(m.len(), 5000);
        for i in 0..5000 {
            assert_eq!(m.get(&format!("id-{i}")), Some((i, i + 1)));
        }
        assert!(!m.contains_key("id-5000"));
        assert!(!m.contains_key(""));
        m.entry("", (1, 2)).0 += 1;
        assert_eq!(m.get(""), Some((2, 2)));
    }
}
