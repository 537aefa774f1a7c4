//! The reader's allocator, in place of Rust's default for wasm32 (dlmalloc): 2.4 KB less for
//! a reader to download (issue 13: 116,759 → 114,319 B gzip), for a module that allocates in
//! bursts (a render, an update) and frees nearly all of each burst before the next. The
//! desk's module keeps dlmalloc (see `HEAP`).
//!
//! Small blocks (up to 32 KiB) come in 40 size classes, four to each doubling (16, 32, 48, 64,
//! 80, 96, 112, 128, 160, …), so a block wastes less than a quarter of itself; each class has
//! its own free list: O(1) either way, and a freed block serves the next request of its class.
//! An empty class takes a 4 KiB grain of freed large memory, when there is some, before the
//! heap grows. Larger blocks are multiples of 4 KiB on one free list in address order: first
//! fit, split when bigger than asked, joined to a free neighbour when freed. New memory is
//! carved from the top of the heap, which starts at the linker's `__heap_base` and grows by
//! `memory.grow`; a large block freed at the top lowers it again, and a large block grows in
//! place at the top or into a free neighbour, so the buffers that double as they fill (JSON
//! text, the DOM batch) move rarely.
//!
//! What it gives up against dlmalloc: small blocks are never joined, so freed memory between
//! them stays in pieces, and a large block wanted later may take fresh memory once while the
//! pieces go to smaller ones. Memory levels off all the same (`tests/browser.rs` churns it,
//! `tests/e2e/hostile-memory.test.mjs` updates and destroys 1,200 times). Against dlmalloc on
//! the same 256 KiB stack, the benchmark's wasm memory is one page more for the story (0.69
//! MiB against 0.63), two more at 1,000 figures (1.75 against 1.63), and less at 10,000 (13.00
//! against 13.44) and 20,000 (25.69 against 26.50).
//! Single-threaded: the module has no threads. The size classes are plain arithmetic, tested
//! natively; the heap exists in the reader's wasm build only.

use core::alloc::Layout;
#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
use core::{alloc::GlobalAlloc, cell::UnsafeCell, ptr};

#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
const PAGE: usize = 65536;
pub const CLASSES: usize = 40;
/// The smallest class, and the alignment of every block.
const MIN: usize = 16;
/// The largest small class (class 39).
const SMALL_MAX: usize = 32768;
/// Large blocks are multiples of this.
const GRAIN: usize = 4096;

#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
struct Heap {
    /// Free small blocks by class: each holds the address of the next (0 ends the list).
    small: [usize; CLASSES],
    /// Free large blocks: each holds [next, size].
    large: usize,
    /// The first address not yet handed out, and the end of the memory the heap owns.
    top: usize,
    end: usize,
}

#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
struct Global(UnsafeCell<Heap>);

// The module is single-threaded (wasm32-unknown-unknown without atomics).
#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
unsafe impl Sync for Global {}

// The reader's module only: the desk's (the editor's, with its long sessions of drafts of
// every size) keeps dlmalloc, which joins every freed neighbour.
#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
#[global_allocator]
static HEAP: Global = Global(UnsafeCell::new(Heap {
    small: [0; CLASSES],
    large: 0,
    top: 0,
    end: 0,
}));

/// What a layout is served as: a small class and its block's bytes, or a large block of this
/// many bytes.
#[derive(Debug, PartialEq)]
pub enum Size {
    Small(usize, usize),
    Large(usize),
}

pub fn size_of(layout: Layout) -> Size {
    let want = layout.size().max(layout.align()).max(MIN);
    if want <= 64 {
        let n = want.div_ceil(MIN);
        return Size::Small(n - 1, n * MIN);
    }
    if want > SMALL_MAX {
        return Size::Large((want + GRAIN - 1) & !(GRAIN - 1));
    }
    // 2^e < want <= 2^(e+1), e >= 6: four classes of 2^(e-2) steps, 5 to 8 steps long.
    let e = (usize::BITS - 1 - (want - 1).leading_zeros()) as usize;
    let n = want.div_ceil(1 << (e - 2));
    Size::Small(4 + (e - 6) * 4 + (n - 5), n << (e - 2))
}

#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
impl Heap {
    /// `bytes` from the top, aligned to `align` (a power of two, at least MIN); null when
    /// memory cannot grow.
    unsafe fn carve(&mut self, bytes: usize, align: usize) -> *mut u8 {
        if self.end == 0 {
            // The heap starts where the linker put its base: the end of the stack and the
            // data, inside the memory the module starts with.
            extern "C" {
                static __heap_base: u8;
            }
            self.top = (ptr::addr_of!(__heap_base) as usize + MIN - 1) & !(MIN - 1);
            self.end = core::arch::wasm32::memory_size(0) * PAGE;
        }
        let start = (self.top + align - 1) & !(align - 1);
        let Some(stop) = start.checked_add(bytes) else {
            return ptr::null_mut();
        };
        if stop > self.end && !self.grow(stop) {
            return ptr::null_mut();
        }
        self.top = stop;
        start as *mut u8
    }

    /// Owns memory up to `stop` at least.
    unsafe fn grow(&mut self, stop: usize) -> bool {
        let pages = (stop - self.end).div_ceil(PAGE);
        if core::arch::wasm32::memory_grow(0, pages) == usize::MAX {
            return false;
        }
        self.end += pages * PAGE;
        true
    }

    unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        match size_of(layout) {
            Size::Small(class, bytes) => {
                // A block off a free list is aligned to MIN only.
                let head = self.small[class];
                if layout.align() <= MIN {
                    if head != 0 {
                        self.small[class] = *(head as *const usize);
                        return head as *mut u8;
                    }
                    if let Some(p) = self.refill(class, bytes) {
                        return p;
                    }
                }
                self.carve(bytes, layout.align().max(MIN))
            }
            Size::Large(bytes) => {
                if layout.align() <= MIN {
                    if let Some(p) = self.take_large(bytes) {
                        return p;
                    }
                }
                self.carve(bytes, layout.align().max(MIN))
            }
        }
    }

    /// A class's first block from freed large memory, when there is some: a grain (or the
    /// block's size in grains) cut into blocks of the class, the first handed out, the others
    /// and what is left over put on free lists. Memory a large buffer gave back (a JSON text,
    /// a DOM batch) so serves the small blocks that follow it before the heap grows.
    unsafe fn refill(&mut self, class: usize, bytes: usize) -> Option<*mut u8> {
        let chunk = if bytes <= GRAIN / 4 {
            GRAIN
        } else {
            (bytes + GRAIN - 1) & !(GRAIN - 1)
        };
        let first = self.take_large(chunk)? as usize;
        let end = first + chunk;
        let mut at = first + bytes;
        while at + bytes <= end {
            *(at as *mut usize) = self.small[class];
            self.small[class] = at;
            at += bytes;
        }
        if end - at >= MIN {
            // The largest class the rest holds.
            if let Size::Small(c, b) = size_of(Layout::from_size_align_unchecked(end - at, 1)) {
                let c = if b > end - at { c - 1 } else { c };
                *(at as *mut usize) = self.small[c];
                self.small[c] = at;
            }
        }
        Some(first as *mut u8)
    }

    /// The first free large block of `bytes` or more, split when bigger (its tail is handed
    /// out, its head stays on the list).
    unsafe fn take_large(&mut self, bytes: usize) -> Option<*mut u8> {
        let mut link: *mut usize = &mut self.large;
        while *link != 0 {
            let block = *link as *mut usize;
            let size = *block.add(1);
            if size >= bytes {
                if size - bytes >= GRAIN {
                    *block.add(1) = size - bytes;
                    return Some((block as usize + size - bytes) as *mut u8);
                }
                *link = *block;
                return Some(block as *mut u8);
            }
            link = block;
        }
        None
    }

    unsafe fn dealloc(&mut self, p: *mut u8, layout: Layout) {
        match size_of(layout) {
            Size::Small(class, _) => {
                *(p as *mut usize) = self.small[class];
                self.small[class] = p as usize;
            }
            Size::Large(bytes) => self.free_large(p as usize, bytes),
        }
    }

    /// Puts a large block back. The list is in address order, and a block joins a free
    /// neighbour on either side, and the top when it ends there.
    unsafe fn free_large(&mut self, at: usize, bytes: usize) {
        let (mut at, mut bytes) = (at, bytes);
        // `link` holds the address of the first free block after `at`; `before` is the free
        // block ahead of it (0: none), whose first word `link` is.
        let mut link: *mut usize = &mut self.large;
        let mut before = 0;
        while *link != 0 && *link < at {
            before = *link;
            link = before as *mut usize;
        }
        let after = *link;
        if after != 0 && at + bytes == after {
            bytes += *(after as *const usize).add(1);
            *link = *(after as *const usize);
        }
        if before != 0 && before + *(before as *const usize).add(1) == at {
            *(before as *mut usize).add(1) += bytes;
            bytes = *(before as *const usize).add(1);
            at = before;
        } else {
            let block = at as *mut usize;
            *block = *link;
            *block.add(1) = bytes;
            *link = at;
        }
        // Only the last free block can end at the top: it goes back into it.
        if at + bytes == self.top {
            let mut link: *mut usize = &mut self.large;
            while *link != at {
                link = *link as *mut usize;
            }
            *link = *(at as *const usize);
            self.top = at;
        }
    }

    /// Takes `bytes` from the front of the free block that starts at `at`, if there is one
    /// that long: a large block grows into its free neighbour.
    unsafe fn take_after(&mut self, at: usize, bytes: usize) -> bool {
        let mut link: *mut usize = &mut self.large;
        while *link != 0 && *link < at {
            link = *link as *mut usize;
        }
        if *link != at || *(at as *const usize).add(1) < bytes {
            return false;
        }
        let (next, size) = (*(at as *const usize), *(at as *const usize).add(1));
        if size == bytes {
            *link = next;
        } else {
            let rest = (at + bytes) as *mut usize;
            *rest = next;
            *rest.add(1) = size - bytes;
            *link = rest as usize;
        }
        true
    }

    unsafe fn realloc(&mut self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = Layout::from_size_align_unchecked(new_size, layout.align());
        match (size_of(layout), size_of(new)) {
            (Size::Small(a, _), Size::Small(b, _)) if a == b => return p,
            (Size::Large(a), Size::Large(b)) if a == b => return p,
            // A large block shrinks where it is, its tail freed.
            (Size::Large(a), Size::Large(b)) if b < a => {
                self.free_large(p as usize + b, a - b);
                return p;
            }
            // The block at the top grows where it is.
            (Size::Large(a), Size::Large(b)) if p as usize + a == self.top => {
                let stop = p as usize + b;
                if stop <= self.end || self.grow(stop) {
                    self.top = stop;
                    return p;
                }
                return ptr::null_mut();
            }
            // So does a block with enough free memory right after it.
            (Size::Large(a), Size::Large(b)) if self.take_after(p as usize + a, b - a) => return p,
            _ => {}
        }
        let q = self.alloc(new);
        if !q.is_null() {
            ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
            self.dealloc(p, layout);
        }
        q
    }
}

#[cfg(all(target_arch = "wasm32", not(feature = "desk")))]
unsafe impl GlobalAlloc for Global {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        (*self.0.get()).alloc(layout)
    }

    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        (*self.0.get()).dealloc(p, layout)
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        (*self.0.get()).realloc(p, layout, new_size)
    }
}

#[cfg(test)]
mod tests {
    use super::{size_of, Size, CLASSES, GRAIN, MIN, SMALL_MAX};
    use core::alloc::Layout;

    #[test]
    fn every_size_gets_one_class_that_holds_it_and_wastes_at_most_a_quarter() {
        let mut last: Option<(usize, usize)> = None;
        for want in 1..=SMALL_MAX {
            let Size::Small(class, bytes) = size_of(Layout::from_size_align(want, 1).unwrap())
            else {
                panic!("{want} B is small");
            };
            assert!(
                class < CLASSES && bytes >= want && bytes % MIN == 0,
                "{want} B"
            );
            assert!(
                bytes - want < MIN.max(want.div_ceil(4)),
                "{want} B in {bytes}"
            );
            // Classes rise one at a time with the size, and one class is one block size.
            match last {
                None => assert_eq!((class, bytes), (0, MIN)),
                Some((c, b)) if c == class => assert_eq!(b, bytes, "{want} B"),
                Some((c, b)) => assert!(class == c + 1 && bytes > b, "{want} B skips a class"),
            }
            last = Some((class, bytes));
        }
        let last = last.unwrap();
        assert_eq!(last, (CLASSES - 1, SMALL_MAX));
        assert_eq!(
            size_of(Layout::from_size_align(65, 8).unwrap()),
            Size::Small(4, 80)
        );
        assert_eq!(
            size_of(Layout::from_size_align(129, 8).unwrap()),
            Size::Small(8, 160)
        );
        // Alignment counts as size: a 64-aligned byte sits in a 64-byte block.
        assert_eq!(
            size_of(Layout::from_size_align(1, 64).unwrap()),
            Size::Small(3, 64)
        );
    }

    #[test]
    fn large_blocks_are_whole_grains() {
        let at = |n| size_of(Layout::from_size_align(n, 8).unwrap());
        assert_eq!(at(SMALL_MAX + 1), Size::Large(36 * 1024));
        assert_eq!(at(40 * 1024), Size::Large(40 * 1024));
        assert_eq!(at(10_000_001), Size::Large(10_002_432));
        assert_eq!(10_002_432 % GRAIN, 0);
    }
}
