#!/usr/bin/env bash
# Rebuilds the PDF import corpus, crates/nianbao-import/tests/corpus/ (the
# inputs and case.json files; the blessed expected-* files are left alone):
#
#  - every report (samples/*.json, the 2019-template report and a variant with
#    blank cells, examples/fixture_pages.rs) as a Word "save as web page" page
#    and as a government site's article page: the pages themselves (html-*),
#    printed to PDF by Chromium as agencies do (pdf-*), and poppler's text of
#    each PDF, plain and -layout (pdftotext-*);
#  - the real 淮安 2024 PDF (made by WPS) and qpdf rewrites of it;
#  - hostile and damaged PDFs (hostile-*), built here, all small.
#
# A rebuild is byte-identical except for the three encrypted PDFs (qpdf picks
# new random keys each time; their imports do not change).
#
# Needs chromium, fonts-wqy-microhei, poppler-utils, qpdf and python3. Then
# run `NIANBAO_BLESS=1 cargo test -p nianbao-import --features pdf --test corpus`
# and review the diff of the expected-* files.
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=crates/nianbao-import/tests/corpus
HUAIAN_PDF=${HUAIAN_PDF:-/work/shared/samples/huaian-city-2024.pdf}
for tool in chromium pdftotext qpdf python3; do
  command -v "$tool" >/dev/null || { echo "make-pdf-fixtures: $tool is not installed" >&2; exit 1; }
done
fc-list | grep -qi wqy || { echo "make-pdf-fixtures: fonts-wqy-microhei is not installed" >&2; exit 1; }
[ -f "$HUAIAN_PDF" ] || { echo "make-pdf-fixtures: $HUAIAN_PDF not found (set HUAIAN_PDF)" >&2; exit 1; }

START=$(date +%s)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# case NAME EXT ABOUT COMPARE_WITH EXPECT [EXTRA_JSON]: a case folder whose
# input is $WORK/input; EXTRA_JSON adds keys to case.json ("refusal", …).
case_dir() {
  local name=$1 ext=$2 about=$3 compare=$4 expect=$5 extra=${6:-}
  local dir="$CORPUS/$name"
  mkdir -p "$dir"
  rm -f "$dir"/input.*
  cp "$WORK/input" "$dir/input.$ext"
  python3 - "$dir/case.json" "$about" "$compare" "$expect" "$extra" <<'EOF'
import json, sys
path, about, compare, expect, extra = sys.argv[1:]
case = {"about": about, "compare_with": compare or None, "expect": expect}
case.update(json.loads(extra) if extra else {})
with open(path, "w", encoding="utf-8") as f:
    f.write(json.dumps(case, ensure_ascii=False, indent=2) + "\n")
EOF
}

# print HTML PDF: the page printed as an agency does, with the creation date
# fixed (the same length, so offsets hold) so that a rebuild is byte-stable.
print_pdf() {
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$(mktemp -d -p "$WORK")" \
    --print-to-pdf="$2" --no-pdf-header-footer "file://$1" >"$WORK/chromium.log" 2>&1
  python3 - "$2" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
data = re.sub(rb"/(CreationDate|ModDate) \(D:\d{14}\+00'00'\)", lambda m: b"/" + m.group(1) + b" (D:20250120093000+00'00')", data)
open(sys.argv[1], "wb").write(data)
EOF
}

# 1. The reports as web pages, PDFs and PDF text.
cargo run -q -p nianbao-import --example fixture_pages -- "$WORK/pages" >"$WORK/reports.tsv"
while IFS=$'\t' read -r report compare; do
  pages="$WORK/pages/$report"
  # A report that is no sample keeps its truth in its first case's folder.
  if [[ $compare == tests/corpus/* ]]; then
    mkdir -p "crates/nianbao-import/$(dirname "$compare")"
    cmp -s "$pages/report.json" "crates/nianbao-import/$compare" 2>/dev/null ||
      cp "$pages/report.json" "crates/nianbao-import/$compare"
  fi
  for style in word cms; do
    case $style in
      word) what="Word \"save as web page\" page" ;;
      cms) what="government site article page" ;;
    esac
    cp "$pages/$style.html" "$WORK/input"
    case_dir "html-$style-$report" html "$report as a $what" "$compare" exact
    print_pdf "$pages/$style.html" "$WORK/$style.pdf"
    cp "$WORK/$style.pdf" "$WORK/input"
    case_dir "pdf-$style-$report" pdf "$report: the $what printed to PDF by Chromium" "$compare" exact
    pdftotext -enc UTF-8 "$WORK/$style.pdf" "$WORK/input"
    case_dir "pdftotext-$style-$report" txt "$report: pdftotext of the Chromium PDF of the $what" "$compare" no-wrong-cell
    pdftotext -enc UTF-8 -layout "$WORK/$style.pdf" "$WORK/input"
    case_dir "pdftotext-layout-$style-$report" txt "$report: pdftotext -layout of the Chromium PDF of the $what" "$compare" no-wrong-cell
  done
  # The article page with its tables drawn without lines (some sites style
  # them so): columns only by position, so a row with a blank cell cannot be
  # placed and must be left out and noted, never shifted.
  sed 's/border: 1px solid #000/border: none/' "$pages/cms.html" >"$pages/cms-unruled.html"
  print_pdf "$pages/cms-unruled.html" "$WORK/input"
  case_dir "pdf-cms-unruled-$report" pdf "$report: the article page with unruled tables printed to PDF by Chromium" "$compare" no-wrong-cell
  if [ "$report" = jiyuan-hitech-zone-2024-blanks ]; then
    # Layouts tried for wrong numbers: right-aligned unruled tables, and A5
    # pages on which the tables split across pages (ruled and unruled).
    sed 's/border: 1px solid #000; padding: 3px 4px; text-align: center;/border: none; padding: 3px 4px; text-align: right;/' "$pages/cms.html" >"$pages/cms-right.html"
    print_pdf "$pages/cms-right.html" "$WORK/input"
    case_dir "pdf-cms-unruled-right-aligned-$report" pdf "$report: the article page with unruled, right-aligned tables printed by Chromium" "$compare" no-wrong-cell
    sed 's#</style>#@page { size: A5; margin: 12mm; } .TRS_Editor td { font-size: 15px; }</style>#' "$pages/cms.html" >"$pages/cms-a5.html"
    print_pdf "$pages/cms-a5.html" "$WORK/input"
    case_dir "pdf-cms-a5-$report" pdf "$report: the article page printed on A5, tables split across pages" "$compare" exact
    sed 's/border: 1px solid #000; padding: 3px 4px; text-align: center;/border: none; padding: 3px 4px; text-align: left;/; s#</style>#@page { size: A5; margin: 10mm; }</style>#' "$pages/cms.html" >"$pages/cms-unruled-a5.html"
    print_pdf "$pages/cms-unruled-a5.html" "$WORK/input"
    case_dir "pdf-cms-unruled-a5-$report" pdf "$report: the article page with unruled, left-aligned tables on A5" "$compare" no-wrong-cell
  fi
  [ "$report" = jiyuan-hitech-zone-2024 ] && cp "$WORK/word.pdf" "$WORK/jiyuan-word.pdf"
done <"$WORK/reports.tsv"

# 2. The real 淮安 2024 PDF (WPS) and qpdf rewrites of it.
HUAIAN=samples/huaian-city-2024.json
cp "$HUAIAN_PDF" "$WORK/input"
case_dir pdf-huaian-city-2024-wps pdf "淮安 2024 as published: the PDF made by WPS" "$HUAIAN" exact
pdftotext -enc UTF-8 "$HUAIAN_PDF" "$WORK/input"
case_dir pdftotext-huaian-city-2024-wps txt "淮安 2024: pdftotext of the published WPS PDF" "$HUAIAN" no-wrong-cell
pdftotext -enc UTF-8 -layout "$HUAIAN_PDF" "$WORK/input"
case_dir pdftotext-layout-huaian-city-2024-wps txt "淮安 2024: pdftotext -layout of the published WPS PDF" "$HUAIAN" no-wrong-cell
qpdf --encrypt "" owner 256 --print=none -- "$HUAIAN_PDF" "$WORK/input"
case_dir pdf-huaian-city-2024-aes256 pdf "淮安 2024 encrypted with AES-256, empty user password, printing forbidden" "$HUAIAN" exact
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- "$HUAIAN_PDF" "$WORK/input"
case_dir pdf-huaian-city-2024-rc4 pdf "淮安 2024 encrypted with RC4-128, empty user password" "$HUAIAN" exact
qpdf --deterministic-id --object-streams=generate "$HUAIAN_PDF" "$WORK/input"
case_dir pdf-huaian-city-2024-objstm pdf "淮安 2024 rewritten with object streams and a cross-reference stream" "$HUAIAN" exact
qpdf --deterministic-id --qdf "$HUAIAN_PDF" "$WORK/input"
case_dir pdf-huaian-city-2024-qdf pdf "淮安 2024 rewritten by qpdf --qdf: uncompressed streams" "$HUAIAN" exact

# 3. Hostile and damaged PDFs.
JIYUAN=samples/jiyuan-hitech-zone-2024.json
DAMAGED='{"or_refused": "PdfDamaged"}'
python3 - "$WORK" "$HUAIAN_PDF" "$WORK/jiyuan-word.pdf" <<'EOF'
import random, re, sys, zlib
work, huaian, jiyuan = sys.argv[1:]

def pdf(objects, root=1, header=b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"):
    """A PDF of numbered objects (bytes bodies), with a correct xref table."""
    out = bytearray(header)
    offsets = {}
    for num in sorted(objects):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + objects[num] + b"\nendobj\n"
    size = max(objects) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for num in range(1, size):
        out += b"%010d 00000 n \n" % offsets[num] if num in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, root, xref)
    return bytes(out)

def stream(data, extra=b""):
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"

def write(name, data):
    open(f"{work}/{name}", "wb").write(data)

catalog = b"<< /Type /Catalog /Pages 2 0 R >>"
font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

# Truncated at half: a download cut short.
data = open(huaian, "rb").read()
write("truncated.pdf", data[: len(data) // 2])

# Garbage after the header.
write("garbage.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + random.Random(1).randbytes(48 * 1024))

# A deflate bomb: one content stream of 1.1 GB of zeros, deflated in chunks.
z = zlib.compressobj(9)
chunk = bytes(1 << 20)
bomb = b"".join(z.compress(chunk) for _ in range(1100)) + z.flush()
page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"
pages = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
write("bomb.pdf", pdf({1: catalog, 2: pages, 3: page, 4: stream(bomb, b" /Filter /FlateDecode")}))
# The same, deflated twice ([/FlateDecode /FlateDecode]): a few kB on disk.
write("bomb-nested.pdf", pdf({1: catalog, 2: pages, 3: page, 4: stream(zlib.compress(bomb, 9), b" /Filter [/FlateDecode /FlateDecode]")}))

# Reference loops: a Pages node among its own Kids, a /Length that is itself.
loop = {
    1: catalog,
    2: b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
    3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    4: b"<< /Length 4 0 R >>\nstream\n0 0 m 100 100 l S\nendstream",
    5: font,
}
write("loop.pdf", pdf(loop))

# 20,000 pages in a tree of 100 nodes, all sharing one content stream;
# qpdf packs them into object streams (see the script).
objects = {1: catalog, 3: stream(b"BT /F1 24 Tf 72 720 Td (Page) Tj ET"), 4: font}
nodes, leaves_per_node, next_num = 100, 200, 5
kids = []
for n in range(nodes):
    node = next_num
    next_num += 1
    leaves = list(range(next_num, next_num + leaves_per_node))
    next_num += leaves_per_node
    for leaf in leaves:
        objects[leaf] = b"<< /Type /Page /Parent %d 0 R /Contents 3 0 R >>" % node
    objects[node] = b"<< /Type /Pages /Parent 2 0 R /Count %d /Kids [%s] >>" % (
        leaves_per_node, b" ".join(b"%d 0 R" % l for l in leaves))
    kids.append(node)
objects[2] = b"<< /Type /Pages /Count %d /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Kids [%s] >>" % (
    nodes * leaves_per_node, b" ".join(b"%d 0 R" % k for k in kids))
write("pages-plain.pdf", pdf(objects))

# A scan: three pages that each show one picture and hold no text.
rng = random.Random(2)
image = bytes(rng.choice((0, 0, 255, 255, 255, 255, 200)) for _ in range(64 * 64))
scan = {1: catalog, 2: b"<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        6: stream(b"q 595 0 0 842 0 0 cm /Im1 Do Q"),
        7: stream(image, b" /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8")}
for p in (3, 4, 5):
    scan[p] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 6 0 R /Resources << /XObject << /Im1 7 0 R >> >> >>"
write("scan.pdf", pdf(scan))

# A small text PDF, for the password case (qpdf encrypts it below).
write("plain.pdf", pdf({1: catalog, 2: pages, 3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                        4: stream(b"BT /F1 24 Tf 72 720 Td (2024 Annual Report on Government Information Disclosure) Tj ET"), 5: font}))

# Damage to a real report (the 济源 Word page printed by Chromium).
good = open(jiyuan, "rb").read()
startxref = int(re.findall(rb"startxref\s+(\d+)", good)[-1])
trailer = re.findall(rb"trailer\s*<<(.*?)>>\s*startxref", good, re.S)[-1]
size = int(re.search(rb"/Size (\d+)", trailer).group(1))
pages_match = re.search(rb"(\d+) 0 obj\s*<<\s*/Type /Pages\b(.*?)>>\s*endobj", good, re.S)
pages_num, pages_body = int(pages_match.group(1)), pages_match.group(2)
page_kids = re.search(rb"/Kids \[([^\]]*)\]", pages_body).group(1)
count = int(re.search(rb"/Count (\d+)", pages_body).group(1))

def update(objects):
    """An incremental update: new versions of objects appended, as editors save."""
    out = bytearray(good)
    offsets = {}
    for num, body in sorted(objects.items()):
        offsets[num] = len(out)
        out += b"%d 0 obj\n" % num + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n"
    for num in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (num, offsets[num])
    rest = re.sub(rb"/Size \d+", b"", trailer).strip()
    out += b"trailer\n<<%s /Size %d /Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (rest, size, startxref, xref)
    return bytes(out)

write("kids-loop.pdf", update({pages_num: b"<</Type /Pages /Kids [%d 0 R %s] /Count %d>>" % (pages_num, page_kids, count)}))
write("dangling.pdf", update({pages_num: b"<</Type /Pages /Kids [%s 9001 0 R 9002 0 R] /Count %d>>" % (page_kids, count + 2)}))

# Every stream's /Length wrong (the same number of digits, so offsets hold):
# alternately too long and too short.
flip = [0]
def wrong_length(m):
    n = m.group(1)
    flip[0] += 1
    if flip[0] % 2:
        wrong = str(min(int(n) * 3 // 2 + 7, 10 ** len(n) - 1)).encode()
    else:
        wrong = str(max(int(n) // 2, 10 ** (len(n) - 1) if len(n) > 1 else 0)).encode()
    return b"/Length " + wrong.rjust(len(n), b"0")[-len(n):]
write("wrong-length.pdf", re.sub(rb"/Length (\d+)(?=[\s/>])", wrong_length, good))

# The xref table overwritten with garbage (startxref still points at it).
start = good.rindex(b"xref", 0, len(good) - 20)
end = good.index(b"trailer", start)
noise = bytes(random.Random(3).choice(b"0123456789 nf\n") for _ in range(end - start))
write("garbage-xref.pdf", good[:start] + noise + good[end:])
EOF
qpdf --deterministic-id --object-streams=generate --compression-level=9 "$WORK/pages-plain.pdf" "$WORK/pages.pdf"
qpdf --encrypt user owner 256 -- "$WORK/plain.pdf" "$WORK/password.pdf"

hostile() { # hostile NAME FILE ABOUT COMPARE EXPECT EXTRA
  cp "$WORK/$2" "$WORK/input"
  case_dir "hostile-$1" pdf "$3" "$4" "$5" "${6:-}"
}
hostile truncated truncated.pdf "淮安 2024 cut off at half its bytes (an interrupted download)" "$HUAIAN" no-wrong-cell "$DAMAGED"
hostile garbage-after-header garbage.pdf "%PDF-1.4 followed by 48 kB of random bytes" "" refused '{"refusal": "PdfDamaged"}'
hostile deflate-bomb bomb.pdf "a content stream of 1.1 GB of zeros, deflated to about 1 MB" "" refused '{"refusal": "Inflated"}'
hostile deflate-bomb-nested bomb-nested.pdf "the 1.1 GB bomb deflated twice ([/FlateDecode /FlateDecode]), a few kB" "" refused '{"refusal": "Inflated"}'
hostile reference-loop loop.pdf "a Pages node whose Kids include itself, and a content stream whose /Length is a reference to itself; no text" "" refused
hostile kids-loop kids-loop.pdf "济源 2024 (Chromium PDF) with an incremental update that puts the Pages node among its own Kids" "$JIYUAN" no-wrong-cell "$DAMAGED"
hostile 20000-pages pages.pdf "20,000 pages sharing one content stream, in object streams" "" refused '{"refusal": "PdfTooManyPages"}'
hostile dangling-kids dangling.pdf "济源 2024 (Chromium PDF) with Kids that point to objects that do not exist" "$JIYUAN" no-wrong-cell "$DAMAGED"
hostile wrong-length wrong-length.pdf "济源 2024 (Chromium PDF) with every stream /Length wrong, alternately too long and too short" "$JIYUAN" no-wrong-cell "$DAMAGED"
hostile scan scan.pdf "a scan: three pages that each show one image and hold no text" "" refused '{"refusal": "PdfScanned"}'
hostile user-password password.pdf "a one-page text PDF encrypted with AES-256 and a real user password (user, owner)" "" refused '{"refusal": "PdfPassword"}'
: >"$WORK/empty.pdf"
hostile empty empty.pdf "an empty file named .pdf" "" refused '{"refusal": "Empty"}'
hostile garbage-xref garbage-xref.pdf "济源 2024 (Chromium PDF) whose xref table is overwritten with garbage" "$JIYUAN" no-wrong-cell "$DAMAGED"

echo "make-pdf-fixtures: $(find "$CORPUS" -name case.json | wc -l) cases in $CORPUS ($(du -sh --apparent-size "$CORPUS" | cut -f1)), $(($(date +%s) - START)) s"
echo "now run: NIANBAO_BLESS=1 cargo test -p nianbao-import --features pdf --test corpus, and review the diff"
