//! Maps keyed by element id, hashed cheaply: the ids are UUIDs whose last bytes are random in
//! every version this program makes or imports, so no further mixing is needed.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use uuid::Uuid;

#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = self.0.rotate_left(5) ^ u64::from_le_bytes(word);
        }
    }
}

pub type IdMap<V> = HashMap<Uuid, V, BuildHasherDefault<IdHasher>>;
