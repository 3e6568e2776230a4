#!/usr/bin/env python3
"""gen_tables.py — turn pith's data files into committed C tables.

Reads data/stopwords/<lang>.txt (one lower-case UTF-8 word per line, '#'
comment lines) and writes src/tables/stopwords.inc: a static const
open-addressing hash table (FNV-1a over the case-folded UTF-8 bytes, linear
probing) mapping each word to a bitmask of the languages that list it, for
src/lang.c. Reads the big word tables of src/tables/dates_words.inc (month
names, units) and writes src/tables/dates_index.inc: the same kind of hash
table over each, giving the entry a linear scan would find first, for
src/dates.c. Python 3 standard library only. `make test` runs --check.
Run from anywhere:

    python3 tools/gen_tables.py            # rewrite the tables
    python3 tools/gen_tables.py --check    # exit 1 if a table is stale
"""

import argparse
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STOPWORD_DIR = os.path.join(ROOT, "data", "stopwords")
OUT_STOPWORDS = os.path.join(ROOT, "src", "tables", "stopwords.inc")
DATES_WORDS = os.path.join(ROOT, "src", "tables", "dates_words.inc")
OUT_DATES_INDEX = os.path.join(ROOT, "src", "tables", "dates_index.inc")
DATES_INDEXED = ("month_words", "unit_words")  # the word tables long enough to hash
DATES_PHRASES = ("rel_words", "ago_prefix")    # the phrase tables, by first byte

# Greek letters with tonos/dialytika fold to the bare vowel (lang.c does the same).
GREEK_BARE = {
    0x3AC: 0x3B1, 0x3AD: 0x3B5, 0x3AE: 0x3B7, 0x3AF: 0x3B9, 0x3CC: 0x3BF,
    0x3CD: 0x3C5, 0x3CE: 0x3C9, 0x3CA: 0x3B9, 0x3CB: 0x3C5, 0x390: 0x3B9,
    0x3B0: 0x3C5, 0x3C2: 0x3C3,
}


def fold_cp(c):
    """Mirror of fold_cp() in src/lang.c. Keep the two in step."""
    if 0x41 <= c <= 0x5A:
        return c + 0x20
    if c < 0x80:
        return c
    if 0xC0 <= c <= 0xDE and c != 0xD7:
        return c + 0x20
    if c < 0x100:
        return c
    if c == 0x130:
        return 0x69
    if 0x100 <= c <= 0x137 or 0x14A <= c <= 0x177:
        return c | 1
    if 0x139 <= c <= 0x148 or 0x179 <= c <= 0x17E:
        return c + 1 if c & 1 else c
    if c == 0x178:
        return 0xFF
    if 0x1CD <= c <= 0x1DC:
        return c + 1 if c & 1 else c
    if 0x1DE <= c <= 0x1EF or 0x1F8 <= c <= 0x1FF or 0x200 <= c <= 0x233:
        return c | 1
    if 0x386 <= c <= 0x3AB:
        if c == 0x386:
            c = 0x3AC
        elif 0x388 <= c <= 0x38A:
            c += 0x25
        elif c == 0x38C:
            c = 0x3CC
        elif c in (0x38E, 0x38F):
            c += 0x3F
        elif 0x391 <= c <= 0x3AB and c != 0x3A2:
            c += 0x20
    if 0x390 <= c <= 0x3CE:
        return GREEK_BARE.get(c, c)
    if 0x400 <= c <= 0x40F:
        return c + 0x50
    if 0x410 <= c <= 0x42F:
        return c + 0x20
    if 0x460 <= c <= 0x481 or 0x48A <= c <= 0x4BF or 0x4D0 <= c <= 0x52F:
        return c | 1
    if c == 0x4C0:
        return 0x4CF
    if 0x4C1 <= c <= 0x4CE:
        return c + 1 if c & 1 else c
    if 0x1E00 <= c <= 0x1E95 or 0x1EA0 <= c <= 0x1EFF:
        return c | 1
    if c == 0x1E9E:
        return 0xDF
    return c


def script_of(c):
    """'L' Latin, 'C' Cyrillic, 'G' Greek, or None when lang.c's tokenizer
    would not treat the character as a letter of those scripts."""
    if 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A:
        return "L"
    if 0xC0 <= c <= 0x24F and c not in (0xD7, 0xF7):
        return "L"
    if 0x1E00 <= c <= 0x1EFF:
        return "L"
    if 0x386 <= c <= 0x3FF and c not in (0x387, 0x3F6) or 0x1F00 <= c <= 0x1FBC:
        return "G"
    if 0x400 <= c <= 0x52F and c != 0x482 and not 0x483 <= c <= 0x489:
        return "C"
    return None


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h ^= b
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def read_stopwords():
    """-> (tags, scripts, {folded utf-8 bytes: mask})"""
    files = sorted(f for f in os.listdir(STOPWORD_DIR) if f.endswith(".txt"))
    tags, scripts, words = [], [], {}
    for idx, fname in enumerate(files):
        tag = fname[:-4]
        if not re.fullmatch(r"[a-z]{2,3}", tag):
            sys.exit("%s: file name must be a 2-3 letter language tag" % fname)
        seen, counts = set(), {}
        path = os.path.join(STOPWORD_DIR, fname)
        with open(path, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                w = line.strip()
                if not w or w.startswith("#"):
                    continue
                where = "%s:%d: %r" % (fname, lineno, w)
                if w != w.lower():
                    sys.exit(where + ": stopwords are written in lower case")
                folded = "".join(chr(fold_cp(ord(ch))) for ch in w)
                if "".join(chr(fold_cp(ord(ch))) for ch in folded) != folded:
                    sys.exit(where + ": fold is not idempotent")
                sc = {script_of(ord(ch)) for ch in folded}
                if None in sc:
                    sys.exit(where + ": contains a character the tokenizer splits on")
                if len(sc) != 1:
                    sys.exit(where + ": mixes scripts (a look-alike letter?)")
                s = sc.pop()
                counts[s] = counts.get(s, 0) + 1
                if folded in seen:
                    sys.exit(where + ": duplicate")
                seen.add(folded)
                key = folded.encode("utf-8")
                words[key] = words.get(key, 0) | (1 << idx)
        if not seen:
            sys.exit("%s: no words" % fname)
        if len(counts) != 1:
            sys.exit("%s: words in several scripts %r" % (fname, counts))
        tags.append(tag)
        scripts.append(next(iter(counts)))
    if len(tags) > 64:
        sys.exit("more than 64 stopword languages: widen the mask type")
    return tags, scripts, words


def c_bytes(data):
    """A C string literal body with octal escapes for anything not plain ASCII."""
    out = []
    for b in data:
        ch = chr(b)
        if 0x20 <= b < 0x7F and ch not in '"\\?':
            out.append(ch)
        else:
            out.append("\\%03o" % b)
    return "".join(out)


def build_stopwords():
    tags, scripts, words = read_stopwords()
    n = len(words)
    bits = 4
    while (1 << bits) < n * 5 // 2:  # load factor <= 0.4: misses stay short
        bits += 1
    size = 1 << bits
    slots = [None] * size
    pool = bytearray()
    maxlen = 0
    for key in sorted(words):
        h = fnv1a(key)
        if h == 0:
            sys.exit("hash 0 is reserved for empty slots: %r" % key)
        i = h & (size - 1)
        while slots[i] is not None:
            i = (i + 1) & (size - 1)
        if len(pool) + len(key) > 0xFFFF or len(key) > 0xFF:
            sys.exit("pool offset or word length overflows the table fields")
        slots[i] = (h, words[key], len(pool), len(key), key)
        pool += key
        maxlen = max(maxlen, len(key))
    mask_t = "uint32_t" if len(tags) <= 32 else "uint64_t"
    mask_fmt = "0x%08xu" if len(tags) <= 32 else "0x%016xull"

    o = []
    o.append("/* stopwords.inc — generated by tools/gen_tables.py — do not edit.")
    o.append(" *")
    o.append(" * Source: data/stopwords/<lang>.txt (%d languages, %d distinct words)." % (len(tags), n))
    o.append(" * Open-addressing table of %d slots, linear probing from" % size)
    o.append(" * FNV-1a-32(case-folded utf-8 bytes) & SW_TABLE_MASK. sw_hash[i] is the")
    o.append(" * word's full hash (0 = empty slot); sw_slot[i] gives its bytes in sw_pool")
    o.append(" * and its language bitmask (bit k = sw_lang_tag[k]). Included only by")
    o.append(" * src/lang.c, whose fold_cp() must match fold_cp() in the generator.")
    o.append(" */")
    o.append("")
    o.append("#define SW_NLANGS %d" % len(tags))
    o.append("#define SW_NWORDS %d" % n)
    o.append("#define SW_MAXLEN %d /* longest word in bytes */" % maxlen)
    o.append("#define SW_TABLE_SIZE %d" % size)
    o.append("#define SW_TABLE_MASK %du" % (size - 1))
    o.append("#define SW_FNV_OFFSET 0x811c9dc5u")
    o.append("#define SW_FNV_PRIME 0x01000193u")
    o.append("")
    o.append("typedef %s sw_mask;" % mask_t)
    o.append("")
    o.append("enum sw_lang {")
    for i, t in enumerate(tags):
        o.append("    SW_%s = %d," % (t.upper(), i))
    o.append("};")
    o.append("")
    o.append("static const char *const sw_lang_tag[SW_NLANGS] = {")
    o.append("    " + ", ".join('"%s"' % t for t in tags) + ",")
    o.append("};")
    o.append("")
    o.append("/* Script of each language's words: 'L' Latin, 'C' Cyrillic, 'G' Greek. */")
    o.append("static const char sw_lang_script[SW_NLANGS] = {")
    o.append("    " + ", ".join("'%s'" % s for s in scripts) + ",")
    o.append("};")
    o.append("")
    o.append("static const char sw_pool[] =")
    for i in range(0, len(pool), 48):
        o.append('    "%s"' % c_bytes(pool[i:i + 48]))
    o.append("    ;")
    o.append("")
    o.append("static const uint32_t sw_hash[SW_TABLE_SIZE] = {")
    for i, s in enumerate(slots):
        if s:
            o.append("    [%d] = 0x%08xu," % (i, s[0]))
    o.append("};")
    o.append("")
    o.append("typedef struct sw_entry {")
    o.append("    sw_mask mask;     /* languages listing the word */")
    o.append("    uint16_t off;     /* word bytes: sw_pool + off */")
    o.append("    uint8_t len;      /* word length in bytes */")
    o.append("} sw_entry;")
    o.append("")
    o.append("static const sw_entry sw_slot[SW_TABLE_SIZE] = {")
    for i, s in enumerate(slots):
        if s:
            langs = ",".join(t for k, t in enumerate(tags) if s[1] >> k & 1)
            word = s[4].decode("utf-8").replace("*/", "*_/")
            o.append("    [%d] = {%s, %d, %d}, /* %s: %s */" % (i, mask_fmt % s[1], s[2], s[3], word, langs))
    o.append("};")
    return "\n".join(o) + "\n"


def read_dword_tables():
    """-> {table name: [word bytes in table order]} from dates_words.inc."""
    with open(DATES_WORDS, encoding="utf-8") as f:
        src = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
    tables = {}
    for m in re.finditer(r"static const dword (\w+)\[\] = \{(.*?)\};", src, re.S):
        words = re.findall(r'DW\("((?:[^"\\]|\\.)*)"', m.group(2))
        if any("\\" in w for w in words):
            sys.exit("%s: escapes in DW() words are not supported" % m.group(1))
        tables[m.group(1)] = [w.encode("utf-8") for w in words]
    return tables


def build_dates_index():
    tables = read_dword_tables()
    o = []
    o.append("/* dates_index.inc — generated by tools/gen_tables.py — do not edit.")
    o.append(" *")
    o.append(" * Source: the word tables of src/tables/dates_words.inc. For each table")
    o.append(" * named below, an open-addressing table (linear probing from")
    o.append(" * FNV-1a-32(word bytes) & mask) of 1 + the index of the word's first entry")
    o.append(" * (low 12 bits; 0 = empty slot) and the hash's top 4 bits (high 4 bits: a")
    o.append(" * probe reads a word only when they agree), so a lookup finds what a linear")
    o.append(" * scan in table order finds first. For each phrase table, its entries ordered by first byte")
    o.append(" * (table order kept within a byte): order[start[b] .. start[b + 1]) are")
    o.append(" * the phrases starting with byte b. Included only by src/dates.c, after")
    o.append(" * dates_words.inc.")
    o.append(" */")
    for name in DATES_INDEXED:
        words = tables.get(name)
        if not words:
            sys.exit("dates_words.inc: no table %s" % name)
        first = {}
        for k, w in enumerate(words):
            first.setdefault(w, k)
        bits = 4
        while (1 << bits) < len(first) * 3:  # load factor <= 1/3
            bits += 1
        size = 1 << bits
        if len(words) >= 0xFFF:
            sys.exit("%s: too many words for 12-bit slot indexes" % name)
        slots = [None] * size
        for w, k in sorted(first.items(), key=lambda kv: kv[1]):
            i = fnv1a(w) & (size - 1)
            while slots[i] is not None:
                i = (i + 1) & (size - 1)
            slots[i] = (k, w, fnv1a(w) >> 28)
        o.append("")
        o.append("/* %s: %d words (%d distinct), %d slots. */" % (name, len(words), len(first), size))
        o.append("static const uint16_t %s_slot[%d] = {" % (name, size))
        for i, s in enumerate(slots):
            if s:
                word = s[1].decode("utf-8").replace("*/", "*_/")
                o.append("    [%d] = %d, /* %s */" % (i, (s[2] << 12) | (s[0] + 1), word))
        o.append("};")
        o.append("static const dword_index %s_index = {%s, %s_slot, %du};" % (name, name, name, size - 1))
    for name in DATES_PHRASES:
        words = tables.get(name)
        if not words:
            sys.exit("dates_words.inc: no table %s" % name)
        if len(words) > 255:
            sys.exit("%s: too many phrases for uint8_t order" % name)
        order = sorted(range(len(words)), key=lambda k: (words[k][0], k))
        start = [0] * 257
        for k in order:
            start[words[k][0] + 1] += 1
        for b in range(1, 257):
            start[b] += start[b - 1]
        o.append("")
        o.append("/* %s: %d phrases by first byte. */" % (name, len(words)))
        o.append("static const uint8_t %s_order[%d] = {" % (name, len(words)))
        for i in range(0, len(order), 16):
            o.append("    " + ", ".join(str(k) for k in order[i:i + 16]) + ",")
        o.append("};")
        o.append("static const uint16_t %s_start[257] = {" % name)
        for i in range(0, 257, 16):
            o.append("    " + ", ".join(str(v) for v in start[i:i + 16]) + ",")
        o.append("};")
        o.append("static const dword_phrases %s_phrases = {%s, %s_order, %s_start};" % (name, name, name, name))
    return "\n".join(o) + "\n"


def write(path, text, check):
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old == text:
        return True
    if check:
        print("%s is stale: run tools/gen_tables.py" % os.path.relpath(path, ROOT), file=sys.stderr)
        return False
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("wrote %s" % os.path.relpath(path, ROOT))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only verify the tables are current")
    args = ap.parse_args()
    ok = write(OUT_STOPWORDS, build_stopwords(), args.check)
    ok = write(OUT_DATES_INDEX, build_dates_index(), args.check) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
