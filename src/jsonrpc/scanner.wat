;; JSON value boundary scanner for JsonSplitter (WebAssembly SIMD, 64 bytes per step).
;; Source of src/jsonrpc/scan-wasm.gen.ts: regenerate with `node scripts/build-scanner.mjs` (needs wabt's wat2wasm).
;;
;; The caller copies up to 64 KiB of the stream to memory[0..len) and calls scan(len, depth, inString, escaped)
;; with the state left by the previous call. The scanner finds where each top-level value ends, simdjson-style:
;; per 64-byte block, bitmasks of quotes, backslashes, opening and closing brackets; backslash runs of odd length
;; escape the byte after them (carried across blocks and calls); a prefix XOR of the unescaped quotes gives the
;; in-string mask; brackets outside strings change the depth. Only when a block's closing brackets could bring
;; the depth to zero are its brackets walked one by one. Every byte is looked at once (a block is re-read only
;; from just after a value's end), and fewer than 64 trailing bytes are stepped through one at a time with the
;; same rules, so the state is the same whatever the chunking.
;;
;; Semantics (shared with scan-js.ts, the reference and fallback): between values only JSON whitespace and an
;; opening bracket are allowed; inside a value a backslash escapes the next byte (an escaped quote does not open
;; or close a string); brackets count only outside strings.
;;
;; Memory: [0, 65536) input; [65536, 65556) state out: depth, inString, escaped, start of the open value
;; (-1 if it began before this call or none is open), position of a byte not allowed between values (-1 if none);
;; [65600, ...) (start, end) i32 pairs, one per value that ended, start -1 when it began before this call.
(module
  (memory (export "memory") 6 6)

  (func $scan (export "scan")
    (param $len i32) (param $depth i32) (param $instr i32) (param $esc i32) (result i32)
    (local $i i32) (local $n i32) (local $c i32) (local $start i32) (local $p i32)
    (local $v v128) (local $vl v128)
    (local $kq v128) (local $kb v128) (local $ko v128) (local $kc v128) (local $k20 v128)
    (local $bs i64) (local $qt i64) (local $op i64) (local $cl i64)
    (local $bsp i64) (local $starts i64) (local $sumo i64) (local $escd i64) (local $x i64) (local $s i64)
    (local $bit i64)

    (local.set $kq (i8x16.splat (i32.const 0x22)))   ;; "
    (local.set $kb (i8x16.splat (i32.const 0x5c)))   ;; \
    (local.set $ko (i8x16.splat (i32.const 0x7b)))   ;; { and [ once OR-ed with 0x20
    (local.set $kc (i8x16.splat (i32.const 0x7d)))   ;; } and ] once OR-ed with 0x20
    (local.set $k20 (i8x16.splat (i32.const 0x20)))
    (local.set $start (i32.const -1))

    (block $done
      (loop $main
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))

        ;; Between values: whitespace, or the opening bracket of the next value.
        (if (i32.eqz (local.get $depth))
          (then
            (local.set $c (i32.load8_u (local.get $i)))
            (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7b))
              (then
                (local.set $start (local.get $i))
                (local.set $depth (i32.const 1))
                (local.set $instr (i32.const 0))
                (local.set $esc (i32.const 0))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $main)))
            (if (i32.or
                  (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x0a)))
                  (i32.or (i32.eq (local.get $c) (i32.const 0x0d)) (i32.eq (local.get $c) (i32.const 0x09))))
              (then
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $main)))
            ;; Anything else is not a JSON-RPC message: report where.
            (i32.store (i32.const 65536) (i32.const 0))
            (i32.store (i32.const 65540) (i32.const 0))
            (i32.store (i32.const 65544) (i32.const 0))
            (i32.store (i32.const 65548) (i32.const -1))
            (i32.store (i32.const 65552) (local.get $i))
            (return (local.get $n))))

        ;; Inside a value with a whole block ahead: 64 bytes at once.
        (if (i32.le_u (i32.add (local.get $i) (i32.const 64)) (local.get $len))
          (then
            (local.set $v (v128.load offset=0 (local.get $i)))
            (local.set $vl (v128.or (local.get $v) (local.get $k20)))
            (local.set $qt (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kq)))))
            (local.set $bs (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kb)))))
            (local.set $op (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $ko)))))
            (local.set $cl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $kc)))))

            (local.set $v (v128.load offset=16 (local.get $i)))
            (local.set $vl (v128.or (local.get $v) (local.get $k20)))
            (local.set $qt (i64.or (local.get $qt) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kq)))) (i64.const 16))))
            (local.set $bs (i64.or (local.get $bs) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kb)))) (i64.const 16))))
            (local.set $op (i64.or (local.get $op) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $ko)))) (i64.const 16))))
            (local.set $cl (i64.or (local.get $cl) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $kc)))) (i64.const 16))))

            (local.set $v (v128.load offset=32 (local.get $i)))
            (local.set $vl (v128.or (local.get $v) (local.get $k20)))
            (local.set $qt (i64.or (local.get $qt) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kq)))) (i64.const 32))))
            (local.set $bs (i64.or (local.get $bs) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kb)))) (i64.const 32))))
            (local.set $op (i64.or (local.get $op) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $ko)))) (i64.const 32))))
            (local.set $cl (i64.or (local.get $cl) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $kc)))) (i64.const 32))))

            (local.set $v (v128.load offset=48 (local.get $i)))
            (local.set $vl (v128.or (local.get $v) (local.get $k20)))
            (local.set $qt (i64.or (local.get $qt) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kq)))) (i64.const 48))))
            (local.set $bs (i64.or (local.get $bs) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v) (local.get $kb)))) (i64.const 48))))
            (local.set $op (i64.or (local.get $op) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $ko)))) (i64.const 48))))
            (local.set $cl (i64.or (local.get $cl) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $vl) (local.get $kc)))) (i64.const 48))))

            ;; Escaped bytes: the byte after a backslash run of odd length. A backslash escaped from the
            ;; previous block starts no run. Adding a run's start bit to the run carries to the byte after
            ;; it; the run was odd when that byte's position parity differs from the start's.
            (local.set $escd (i64.const 0))
            (if (i32.or (i64.ne (local.get $bs) (i64.const 0)) (local.get $esc))
              (then
                (local.set $bsp (i64.and (local.get $bs) (i64.xor (i64.extend_i32_u (local.get $esc)) (i64.const -1))))
                (local.set $starts (i64.and (local.get $bsp) (i64.xor (i64.shl (local.get $bsp) (i64.const 1)) (i64.const -1))))
                (local.set $sumo (i64.add (local.get $bsp) (i64.and (local.get $starts) (i64.const 0xaaaaaaaaaaaaaaaa))))
                (local.set $escd
                  (i64.or
                    (i64.or
                      (i64.and (i64.and (local.get $sumo) (i64.xor (local.get $bsp) (i64.const -1))) (i64.const 0x5555555555555555))
                      (i64.and
                        (i64.and
                          (i64.add (local.get $bsp) (i64.and (local.get $starts) (i64.const 0x5555555555555555)))
                          (i64.xor (local.get $bsp) (i64.const -1)))
                        (i64.const 0xaaaaaaaaaaaaaaaa)))
                    (i64.extend_i32_u (local.get $esc))))
                ;; An odd-start run reaching bit 63 is odd: the next block's first byte is escaped.
                (local.set $esc (i64.lt_u (local.get $sumo) (local.get $bsp)))))

            ;; In-string mask: prefix XOR of the unescaped quotes, flipped if a string was open.
            (local.set $x (i64.and (local.get $qt) (i64.xor (local.get $escd) (i64.const -1))))
            (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 1))))
            (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 2))))
            (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 4))))
            (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 8))))
            (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 16))))
            (local.set $x (i64.xor (local.get $x) (i64.shl (local.get $x) (i64.const 32))))
            (local.set $x (i64.xor (local.get $x) (i64.sub (i64.const 0) (i64.extend_i32_u (local.get $instr)))))
            (local.set $instr (i32.wrap_i64 (i64.shr_u (local.get $x) (i64.const 63))))
            (local.set $x (i64.xor (local.get $x) (i64.const -1)))
            (local.set $op (i64.and (local.get $op) (local.get $x)))
            (local.set $cl (i64.and (local.get $cl) (local.get $x)))

            ;; Depth cannot reach zero in this block: count and move on.
            (if (i32.gt_s (local.get $depth) (i32.wrap_i64 (i64.popcnt (local.get $cl))))
              (then
                (local.set $depth
                  (i32.add (local.get $depth)
                    (i32.wrap_i64 (i64.sub (i64.popcnt (local.get $op)) (i64.popcnt (local.get $cl))))))
                (local.set $i (i32.add (local.get $i) (i32.const 64)))
                (br $main)))

            ;; It might: walk the brackets in order.
            (local.set $s (i64.or (local.get $op) (local.get $cl)))
            (block $walked
              (loop $walk
                (br_if $walked (i64.eqz (local.get $s)))
                (local.set $bit (i64.and (local.get $s) (i64.sub (i64.const 0) (local.get $s))))
                (local.set $s (i64.xor (local.get $s) (local.get $bit)))
                (if (i64.ne (i64.and (local.get $op) (local.get $bit)) (i64.const 0))
                  (then
                    (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
                    (br $walk)))
                (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
                (br_if $walk (local.get $depth))
                ;; The value ends here; resume byte by byte just after it.
                (local.set $i (i32.add (local.get $i) (i32.add (i32.wrap_i64 (i64.ctz (local.get $bit))) (i32.const 1))))
                (local.set $p (i32.add (i32.const 65600) (i32.shl (local.get $n) (i32.const 3))))
                (i32.store offset=0 (local.get $p) (local.get $start))
                (i32.store offset=4 (local.get $p) (local.get $i))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (local.set $start (i32.const -1))
                (local.set $instr (i32.const 0))
                (local.set $esc (i32.const 0))
                (br $main)))
            (local.set $i (i32.add (local.get $i) (i32.const 64)))
            (br $main)))

        ;; Inside a value, fewer than 64 bytes left: one byte at a time, same rules.
        (local.set $c (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (if (local.get $esc)
          (then
            (local.set $esc (i32.const 0))
            (br_if $main (i32.or (i32.eq (local.get $c) (i32.const 0x22)) (i32.eq (local.get $c) (i32.const 0x5c)))))
          (else
            (if (i32.eq (local.get $c) (i32.const 0x5c))
              (then
                (local.set $esc (i32.const 1))
                (br $main)))
            (if (i32.eq (local.get $c) (i32.const 0x22))
              (then
                (local.set $instr (i32.xor (local.get $instr) (i32.const 1)))
                (br $main)))))
        (br_if $main (local.get $instr))
        (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7b))
          (then
            (local.set $depth (i32.add (local.get $depth) (i32.const 1)))
            (br $main)))
        (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7d))
          (then
            (local.set $depth (i32.sub (local.get $depth) (i32.const 1)))
            (if (i32.eqz (local.get $depth))
              (then
                (local.set $p (i32.add (i32.const 65600) (i32.shl (local.get $n) (i32.const 3))))
                (i32.store offset=0 (local.get $p) (local.get $start))
                (i32.store offset=4 (local.get $p) (local.get $i))
                (local.set $n (i32.add (local.get $n) (i32.const 1)))
                (local.set $start (i32.const -1))
                (local.set $esc (i32.const 0))))))
        (br $main)))

    (i32.store (i32.const 65536) (local.get $depth))
    (i32.store (i32.const 65540) (local.get $instr))
    (i32.store (i32.const 65544) (local.get $esc))
    (i32.store (i32.const 65548) (local.get $start))
    (i32.store (i32.const 65552) (i32.const -1))
    (local.get $n)))
