#!/usr/bin/env python3
"""Write the non-UTF-8 golden pages of tests/cases/ from their UTF-8 sources.

Takes charset_src/NAME.html (UTF-8, written for pith's tests) and writes
NAME.html next to this script in the charset the table below names, with a
byte order mark where asked, and with the invalid bytes that a source marks
as {{BAD:hh hh ...}} (hex) put in verbatim. Every character must exist in the
target charset (strict encoding: the script stops and names the character
otherwise). The .expect files are written by hand and are not touched.
The generated pages are committed; run this again only after editing a source:

    python3 tests/cases/make_charset_cases.py [--check]

--check writes nothing and exits 1 when a committed page differs.
"""
import codecs
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, 'charset_src')

# name -> (Python codec, byte order mark or b'')
# Notes on the pages:
#   charset-iso8859-1-de     declares iso-8859-1 but holds windows-1252 bytes
#                            (0x84/0x93 quotes), which is how browsers read it
#   charset-windows1251-nometa-ru  no declaration at all: detection
#   charset-hint-koi8r-ru    no <meta>: the .expect passes charset: koi8-r
#   charset-utf8-invalid-bytes     valid UTF-8 plus {{BAD:..}} bytes
PAGES = {
    'charset-windows1251-uk': ('cp1251', b''),
    'charset-http-equiv-windows1251-uk': ('cp1251', b''),
    'charset-windows1251-nometa-ru': ('cp1251', b''),
    'charset-koi8u-uk': ('koi8_u', b''),
    'charset-koi8r-ru': ('koi8_r', b''),
    'charset-hint-koi8r-ru': ('koi8_r', b''),
    'charset-iso8859-2-pl': ('iso8859_2', b''),
    'charset-iso8859-1-de': ('cp1252', b''),
    'charset-shiftjis-ja': ('shift_jis', b''),
    'charset-gb18030-zh': ('gb18030', b''),
    'charset-euckr-ko': ('euc_kr', b''),
    'charset-utf16le-bom': ('utf_16_le', codecs.BOM_UTF16_LE),
    'charset-utf16be-bom': ('utf_16_be', codecs.BOM_UTF16_BE),
    'charset-utf8-invalid-bytes': ('utf_8', b''),
}

BAD = re.compile(r'\{\{BAD:([0-9a-fA-F ]+)\}\}')


def encode_page(name, text, codec, bom):
    out = bytearray(bom)
    pos = 0
    for m in BAD.finditer(text):
        out += encode_strict(name, text[pos:m.start()], codec, pos)
        out += bytes.fromhex(m.group(1))
        pos = m.end()
    out += encode_strict(name, text[pos:], codec, pos)
    return bytes(out)


def encode_strict(name, text, codec, base):
    try:
        return text.encode(codec)
    except UnicodeEncodeError as e:
        ch = e.object[e.start]
        line = text.count('\n', 0, e.start) + 1
        sys.exit(f'{name}: U+{ord(ch):04X} {ch!r} (near line {line}, offset {base + e.start}) '
                 f'is not in {codec}')


def main():
    check = '--check' in sys.argv[1:]
    differ = 0
    for name, (codec, bom) in sorted(PAGES.items()):
        with open(os.path.join(SRC, name + '.html'), encoding='utf-8') as f:
            text = f.read()
        data = encode_page(name, text, codec, bom)
        dest = os.path.join(HERE, name + '.html')
        if check:
            old = open(dest, 'rb').read() if os.path.exists(dest) else None
            if old != data:
                print(f'differs: {name}.html')
                differ += 1
            continue
        with open(dest, 'wb') as f:
            f.write(data)
        print(f'{name}.html: {codec}, {len(data)} bytes')
    return 1 if differ else 0


if __name__ == '__main__':
    sys.exit(main())
