;; The tree grower's inner loops as WebAssembly (compiled by `npm run kernels` into kernels-wasm.ts).
;; A histogram slot is a (ΣG, ΣH) pair of doubles, added as one f64x2 lane pair: the same IEEE additions, in
;; the same order, as the two scalar additions of a JavaScript loop, so the results are bit-identical.
;; Every address is a byte offset into the one imported memory, laid out by grow.ts.
(module
  (memory (import "env" "memory") 1)

  ;; hist: zeroes `nSlots` pairs at $hist, then for each of the `count` row indices at $rows adds the row's
  ;; (g, h) pair (at $gh + 16 r) into the slots of its sparse entries, the u16 slot numbers at
  ;; $slots[rowStart[r] .. rowStart[r + 1]) ($rowStart holds i32 entry indices, nRows + 1 of them). The 16
  ;; i32s after the last row index must be readable and hold valid row indices.
  (func (export "hist")
    (param $hist i32) (param $nSlots i32) (param $gh i32) (param $rows i32) (param $count i32)
    (param $rowStart i32) (param $slots i32)
    (local $at i32) (local $end i32) (local $r i32) (local $pair v128) (local $p i32) (local $stop i32)
    ;; Zero the histogram.
    (local.set $at (local.get $hist))
    (local.set $end (i32.add (local.get $hist) (i32.shl (local.get $nSlots) (i32.const 4))))
    (block $zeroed
      (br_if $zeroed (i32.ge_u (local.get $at) (local.get $end)))
      (loop $zero
        (v128.store (local.get $at) (v128.const i64x2 0 0))
        (local.set $at (i32.add (local.get $at) (i32.const 16)))
        (br_if $zero (i32.lt_u (local.get $at) (local.get $end)))))
    ;; Rows.
    (local.set $at (local.get $rows))
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
      (loop $row
        ;; Touch the gradients and first slots of the row 16 rows ahead, so that their cache misses
        ;; overlap this row's work instead of waiting for the mispredicted end of its slot loop. The index
        ;; array is padded with valid row indices (zeros) past its end.
        (local.set $r (i32.load offset=64 (local.get $at)))
        (drop (v128.load (i32.add (local.get $gh) (i32.shl (local.get $r) (i32.const 4)))))
        (drop (i32.load16_u (i32.add (local.get $slots)
          (i32.shl (i32.load (i32.add (local.get $rowStart) (i32.shl (local.get $r) (i32.const 2)))) (i32.const 1)))))
        (local.set $r (i32.load (local.get $at)))
        (local.set $pair (v128.load (i32.add (local.get $gh) (i32.shl (local.get $r) (i32.const 4)))))
        (local.set $p (i32.add (local.get $rowStart) (i32.shl (local.get $r) (i32.const 2))))
        (local.set $stop (i32.add (local.get $slots) (i32.shl (i32.load offset=4 (local.get $p)) (i32.const 1))))
        (local.set $p (i32.add (local.get $slots) (i32.shl (i32.load (local.get $p)) (i32.const 1))))
        (block $entries_done
          (br_if $entries_done (i32.ge_u (local.get $p) (local.get $stop)))
          (loop $entry
            (local.set $r (i32.add (local.get $hist) (i32.shl (i32.load16_u (local.get $p)) (i32.const 4))))
            (v128.store (local.get $r) (f64x2.add (v128.load (local.get $r)) (local.get $pair)))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br_if $entry (i32.lt_u (local.get $p) (local.get $stop)))))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br_if $row (i32.lt_u (local.get $at) (local.get $end))))))

  ;; partition: splits the `count` row indices at $rows by their feature's code (u8, at $codes + r): a row
  ;; goes left when its code is <= $bin or equals $missingLeft (the missing code, or -1 when missing goes
  ;; right). Stable: the left rows keep their order at the front, the right ones follow in theirs, by way of
  ;; $scratch (count i32s). Returns the number of left rows. Branch-free: a row's side is a coin flip to
  ;; the branch predictor.
  (func (export "partition")
    (param $rows i32) (param $count i32) (param $codes i32) (param $bin i32) (param $missingLeft i32)
    (param $scratch i32) (result i32)
    (local $at i32) (local $end i32) (local $r i32) (local $c i32) (local $left i32) (local $nl i32) (local $nr i32)
    (local.set $at (local.get $rows))
    (local.set $end (i32.add (local.get $rows) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (br_if $done (i32.ge_u (local.get $at) (local.get $end)))
      (loop $row
        (local.set $r (i32.load (local.get $at)))
        (local.set $c (i32.load8_u (i32.add (local.get $codes) (local.get $r))))
        (local.set $left
          (i32.or (i32.le_u (local.get $c) (local.get $bin)) (i32.eq (local.get $c) (local.get $missingLeft))))
        (i32.store (i32.add (local.get $rows) (i32.shl (local.get $nl) (i32.const 2))) (local.get $r))
        (i32.store (i32.add (local.get $scratch) (i32.shl (local.get $nr) (i32.const 2))) (local.get $r))
        (local.set $nl (i32.add (local.get $nl) (local.get $left)))
        (local.set $nr (i32.sub (i32.add (local.get $nr) (i32.const 1)) (local.get $left)))
        (local.set $at (i32.add (local.get $at) (i32.const 4)))
        (br_if $row (i32.lt_u (local.get $at) (local.get $end)))))
    (memory.copy
      (i32.add (local.get $rows) (i32.shl (local.get $nl) (i32.const 2)))
      (local.get $scratch)
      (i32.shl (local.get $nr) (i32.const 2)))
    (local.get $nl)))
