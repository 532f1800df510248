;; The tree grower's inner loops as WebAssembly (compiled by `npm run kernels` into kernels-wasm.ts).
;; A histogram slot is a (ΣG, ΣH) pair of doubles, added as one f64x2 lane pair: the same IEEE additions, in
;; the same order, as the two scalar additions of a JavaScript loop, so the results are bit-identical.
;; Every address is a byte offset into the one imported memory, laid out by grow.ts.
(module
  (memory (import "env" "memory") 1)

  ;; hist: zeroes `nSlots` pairs at $hist, then for each of the `count` row indices at $rows adds the row's
  ;; (g, h) pair (at $gh + 16 r) into the slots of its sparse entries, the u16 slot numbers at
  ;; $slots[rowStart[r] .. rowStart[r + 1]) ($rowStart holds i32 entry indices, nRows + 1 of them).
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
        (br_if $row (i32.lt_u (local.get $at) (local.get $end)))))))
