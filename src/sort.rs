//! Sorting through one small routine. The standard library's sort is compiled anew for each
//! element type and comparison (a few KB of WebAssembly each, a sixth of the .wasm's code with
//! twenty of them); this one compiles a merge sort of positions once and moves the items after.
//! Stable, like `sort_by`.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp` (what `v.sort_by(cmp)` does). Natively it is `sort_by`: the size of
/// the code matters only in the .wasm.
pub fn by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(not(target_arch = "wasm32")) {
        return v.sort_by(cmp);
    }
    let order = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    apply(v, &order);
}

/// Puts at each position k the item at `order[k]`: each cycle of the permutation, by swaps.
fn apply<T>(v: &mut [T], order: &[usize]) {
    let mut done = vec![false; order.len()];
    for start in 0..order.len() {
        let mut k = start;
        while !done[k] {
            done[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

/// Sorts `v` stably by a key (what `v.sort_by_key(key)` does).
pub fn by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` (what `v.sort()` and, for items that are equal only when identical, `v.sort_unstable()`
/// do).
pub fn sort<T: Ord>(v: &mut [T]) {
    by(v, |a, b| a.cmp(b));
}

/// The stable order of `n` items compared by position: a bottom-up merge sort.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut a: Vec<usize> = (0..n).collect();
    let mut b: Vec<usize> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j, mut k) = (start, mid, start);
            while i < mid && j < end {
                // Stable: on a tie the earlier run wins.
                if cmp(a[j], a[i]) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + mid - i].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + end - j].copy_from_slice(&a[j..end]);
            start = end;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_like_the_standard_sort() {
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 5, 8, 13, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let (mut a, mut b) = (v.clone(), v.clone());
            a.sort_by_key(|x| x.0);
            super::by_key(&mut b, |x| x.0);
            assert_eq!(a, b, "{n}");
            let mut c = v.clone();
            let order = super::order(n, &mut |i, j| c[i].0.cmp(&c[j].0));
            super::apply(&mut c, &order);
            assert_eq!(a, c, "{n}, as in the .wasm");
        }
    }
}
