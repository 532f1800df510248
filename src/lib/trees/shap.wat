;; Linear TreeSHAP's per-row walk of one tree (see shap.ts, which lays out the memory and compiles nothing:
;; `npm run kernels` turns this file into shap-wasm.ts). A node's polynomial is a vector of $mp doubles (the
;; quadrature points, padded to an even count with zero factors), processed as f64x2 lane pairs.
;;
;; Node c's record, 32 bytes at $recs + 32 c: i32 feature (-1 at a leaf), i32 right child, i32 parent, i32 prev
;; (the nearest node above whose edge splits on the same feature, or -1), i32 edge feature, i32 flags (1: the
;; node is its parent's left child, 2: missing values go left), f64 threshold. Its vectors, at
;; $vecs + c (32 $mp + 16), are take, miss, shareTake and shareMiss, then the edge's cover fraction (an f64
;; and 8 bytes of padding). A leaf's take, miss and cover fraction carry its value.
;; Per node scratch: $work (one vector each) and $flags (a byte each: 1 = the row took every edge of the
;; node's edge feature down to it, 2 = the row goes left here).
(module
  (memory (import "env" "memory") 1)

  (func (export "explain")
    (param $recs i32) (param $vecs i32) (param $n i32) (param $mp i32)
    (param $x i32) (param $nRows i32) (param $nCols i32) (param $out i32) (param $work i32) (param $flags i32)
    (local $row i32) (local $xr i32) (local $orow i32) (local $stride i32) (local $vstride i32)
    (local $c i32) (local $rec i32) (local $p i32) (local $pv i32) (local $above i32) (local $taken i32)
    (local $one i32) (local $f i32) (local $xv f64) (local $gl i32) (local $src i32) (local $dst i32)
    (local $fac i32) (local $k i32) (local $end i32) (local $z v128) (local $acc v128) (local $l i32) (local $r i32)
    (local.set $stride (i32.shl (local.get $mp) (i32.const 3)))
    (local.set $vstride (i32.add (i32.shl (local.get $stride) (i32.const 2)) (i32.const 16)))
    (local.set $xr (local.get $x))
    (local.set $orow (local.get $out))
    (block $rows_done
      (br_if $rows_done (i32.eqz (local.get $nRows)))
      (loop $rows
        ;; Down: the root's vector is all ones.
        (local.set $k (local.get $work))
        (local.set $end (i32.add (local.get $work) (local.get $stride)))
        (loop $ones
          (v128.store (local.get $k) (v128.const f64x2 1 1))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br_if $ones (i32.lt_u (local.get $k) (local.get $end))))
        (local.set $c (i32.const 0))
        (loop $down
          (local.set $rec (i32.add (local.get $recs) (i32.shl (local.get $c) (i32.const 5))))
          (local.set $one (i32.const 0))
          (if (i32.gt_s (local.get $c) (i32.const 0))
            (then
              (local.set $p (i32.load offset=8 (local.get $rec)))
              (local.set $pv (i32.load offset=12 (local.get $rec)))
              (local.set $above
                (if (result i32) (i32.lt_s (local.get $pv) (i32.const 0))
                  (then (i32.const 1))
                  (else (i32.and (i32.load8_u (i32.add (local.get $flags) (local.get $pv))) (i32.const 1)))))
              ;; Taken: the parent sends the row to this side.
              (local.set $taken
                (i32.eq
                  (i32.shr_u (i32.and (i32.load8_u (i32.add (local.get $flags) (local.get $p))) (i32.const 2)) (i32.const 1))
                  (i32.and (i32.load offset=20 (local.get $rec)) (i32.const 1))))
              (local.set $one (i32.and (local.get $above) (local.get $taken)))
              (local.set $src (i32.add (local.get $work) (i32.mul (local.get $p) (local.get $stride))))
              (local.set $dst (i32.add (local.get $work) (i32.mul (local.get $c) (local.get $stride))))
              (local.set $end (i32.add (local.get $dst) (local.get $stride)))
              (local.set $fac (i32.add (local.get $vecs) (i32.mul (local.get $c) (local.get $vstride))))
              (if (i32.eqz (local.get $above))
                (then
                  ;; The row left this feature's path above: the factor is the cover fraction alone.
                  (local.set $z (v128.load64_splat (i32.add (local.get $fac) (i32.shl (local.get $stride) (i32.const 2)))))
                  (loop $scale
                    (v128.store (local.get $dst) (f64x2.mul (v128.load (local.get $src)) (local.get $z)))
                    (local.set $src (i32.add (local.get $src) (i32.const 16)))
                    (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
                    (br_if $scale (i32.lt_u (local.get $dst) (local.get $end)))))
                (else
                  (if (i32.eqz (local.get $taken))
                    (then (local.set $fac (i32.add (local.get $fac) (local.get $stride)))))
                  (loop $times
                    (v128.store (local.get $dst) (f64x2.mul (v128.load (local.get $src)) (v128.load (local.get $fac))))
                    (local.set $src (i32.add (local.get $src) (i32.const 16)))
                    (local.set $fac (i32.add (local.get $fac) (i32.const 16)))
                    (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
                    (br_if $times (i32.lt_u (local.get $dst) (local.get $end))))))))
          ;; The side the row goes at this node, if it splits (NaN fails the comparison: missing).
          (local.set $f (i32.load (local.get $rec)))
          (local.set $gl (i32.const 0))
          (if (i32.ge_s (local.get $f) (i32.const 0))
            (then
              (local.set $xv (f64.load (i32.add (local.get $xr) (i32.shl (local.get $f) (i32.const 3)))))
              (local.set $gl
                (if (result i32) (f64.ne (local.get $xv) (local.get $xv))
                  (then (i32.shr_u (i32.and (i32.load offset=20 (local.get $rec)) (i32.const 2)) (i32.const 1)))
                  (else (f64.le (local.get $xv) (f64.load offset=24 (local.get $rec))))))))
          (i32.store8 (i32.add (local.get $flags) (local.get $c))
            (i32.or (local.get $one) (i32.shl (local.get $gl) (i32.const 1))))
          (local.set $c (i32.add (local.get $c) (i32.const 1)))
          (br_if $down (i32.lt_s (local.get $c) (local.get $n))))
        ;; Up: sum each split's children, then add the share of the edge into every node but the root.
        (local.set $c (i32.sub (local.get $n) (i32.const 1)))
        (block $up_done
          (br_if $up_done (i32.le_s (local.get $c) (i32.const 0)))
          (loop $up
            (local.set $rec (i32.add (local.get $recs) (i32.shl (local.get $c) (i32.const 5))))
            (local.set $dst (i32.add (local.get $work) (i32.mul (local.get $c) (local.get $stride))))
            (local.set $end (i32.add (local.get $dst) (local.get $stride)))
            (if (i32.ge_s (i32.load (local.get $rec)) (i32.const 0))
              (then
                (local.set $l (i32.add (local.get $dst) (local.get $stride)))
                (local.set $r (i32.add (local.get $work) (i32.mul (i32.load offset=4 (local.get $rec)) (local.get $stride))))
                (local.set $k (local.get $dst))
                (loop $sum
                  (v128.store (local.get $k) (f64x2.add (v128.load (local.get $l)) (v128.load (local.get $r))))
                  (local.set $l (i32.add (local.get $l) (i32.const 16)))
                  (local.set $r (i32.add (local.get $r) (i32.const 16)))
                  (local.set $k (i32.add (local.get $k) (i32.const 16)))
                  (br_if $sum (i32.lt_u (local.get $k) (local.get $end))))))
            (local.set $pv (i32.load offset=12 (local.get $rec)))
            ;; A row that left the feature's path above gets the same share here as there: nothing changes.
            (if (i32.or (i32.lt_s (local.get $pv) (i32.const 0))
                        (i32.and (i32.load8_u (i32.add (local.get $flags) (local.get $pv))) (i32.const 1)))
              (then
                (local.set $fac
                  (i32.add (i32.add (local.get $vecs) (i32.mul (local.get $c) (local.get $vstride)))
                           (i32.shl (local.get $stride) (i32.const 1))))
                (if (i32.eqz (i32.and (i32.load8_u (i32.add (local.get $flags) (local.get $c))) (i32.const 1)))
                  (then (local.set $fac (i32.add (local.get $fac) (local.get $stride)))))
                (local.set $acc (v128.const f64x2 0 0))
                (local.set $k (local.get $dst))
                (loop $dot
                  (local.set $acc (f64x2.add (local.get $acc) (f64x2.mul (v128.load (local.get $k)) (v128.load (local.get $fac)))))
                  (local.set $fac (i32.add (local.get $fac) (i32.const 16)))
                  (local.set $k (i32.add (local.get $k) (i32.const 16)))
                  (br_if $dot (i32.lt_u (local.get $k) (local.get $end))))
                (local.set $k (i32.add (local.get $orow) (i32.shl (i32.load offset=16 (local.get $rec)) (i32.const 3))))
                (f64.store (local.get $k)
                  (f64.add (f64.load (local.get $k))
                    (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc)))))))
            (local.set $c (i32.sub (local.get $c) (i32.const 1)))
            (br_if $up (i32.gt_s (local.get $c) (i32.const 0)))))
        (local.set $xr (i32.add (local.get $xr) (i32.shl (local.get $nCols) (i32.const 3))))
        (local.set $orow (i32.add (local.get $orow) (i32.shl (local.get $nCols) (i32.const 3))))
        (local.set $row (i32.add (local.get $row) (i32.const 1)))
        (br_if $rows (i32.lt_u (local.get $row) (local.get $nRows)))))))
