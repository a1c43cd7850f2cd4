#!/usr/bin/env python3
"""Writes the .docx fixtures of tests/paste_docx.rs into tests/fixtures/docx/.

Standard library only (zipfile). The output is deterministic (fixed zip
timestamps, fixed order), so running it again gives the same bytes and the
committed files can be checked against it:

    python3 scripts/make-docx-fixtures.py && git diff --stat tests/fixtures/docx

The files:

- word-layout.docx: an appendix criteria table as Word writes it: a
  two-row header (vMerge, gridSpan "Điểm" over "Tối đa | Tự chấm"), a row
  of column numbers, bold Roman field rows, scoring lines as paragraphs of
  the title cell (with w:br and w:tab inside), text split across runs,
  smart tags, proofErr, bookmarks, a content control (w:sdt) around a row
  and another around a cell, a "Tổng cộng" row.
- auto-numbered.docx: the numbers come from Word's automatic numbering
  (numbering.xml: a multi-level list "I." / "%1.%2." / "%1.%2.%3." with
  isLgl, bullets and lettered lists restarted per cell), and the document
  has other tables first (the national header, the signature block).
- not-docx/: a .doc (OLE header), a PDF, a zip that is no Word document,
  a Word document without a table.
"""

import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "tests", "fixtures", "docx")
STAMP = (2025, 3, 14, 9, 30, 0)

W_NS = (
    'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:o="urn:schemas-microsoft-com:office:office" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w10="urn:schemas-microsoft-com:office:word" '
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
    'mc:Ignorable="w14"'
)

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>{extra}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"""

NUMBERING_TYPE = '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{extra}</Relationships>"""

NUMBERING_REL = '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>UBND tỉnh</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-03-14T09:30:00Z</dcterms:created></cp:coreProperties>"""

SECT = '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/><w:cols w:space="720"/><w:docGrid w:linePitch="360"/></w:sectPr>'

RSIDS = ["00A1B2C3", "004D5E6F", "00F1E2D3", "0012AB34"]


def rpr(bold=False, italic=False):
    out = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    if bold:
        out += "<w:b/><w:bCs/>"
    if italic:
        out += "<w:i/>"
    return "<w:rPr>" + out + '<w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="vi-VN"/></w:rPr>'


def t(text):
    """A w:t, with xml:space when the text has spaces at its ends."""
    esc = escape(text, {'"': "&quot;"})
    if text != text.strip():
        return '<w:t xml:space="preserve">' + esc + "</w:t>"
    return "<w:t>" + esc + "</w:t>"


def run(text, bold=False, italic=False, rsid=0):
    return '<w:r w:rsidRPr="%s">%s%s</w:r>' % (RSIDS[rsid % 4], rpr(bold, italic), t(text))


def runs(text, bold=False):
    """Text as Word leaves it after edits: split across runs at odd places
    (inside a word, before a space), a proofErr here and there."""
    out = []
    words = text.split(" ")
    if len(text) > 24 and len(words) > 2:
        # "Ban hành kế ho" | "ạch CCHC năm": a run boundary inside a word
        k = len(words) // 2
        left = " ".join(words[:k])
        cut = max(1, len(left) - 2)
        out.append(run(left[:cut], bold, rsid=1))
        out.append('<w:proofErr w:type="spellStart"/>')
        out.append(run(left[cut:] + " ", bold, rsid=2))
        out.append('<w:proofErr w:type="spellEnd"/>')
        out.append(run(" ".join(words[k:]), bold, rsid=3))
    else:
        out.append(run(text, bold))
    return "".join(out)


def ppr(jc=None, num=None, bold_mark=False, style=None):
    inner = ""
    if style:
        inner += '<w:pStyle w:val="%s"/>' % style
    if num:
        lvl, num_id = num
        inner += '<w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr>' % (lvl, num_id)
    inner += '<w:spacing w:before="60" w:after="60" w:line="264" w:lineRule="auto"/>'
    inner += '<w:tabs><w:tab w:val="left" w:pos="284"/></w:tabs>' if num else ""
    if jc:
        inner += '<w:jc w:val="%s"/>' % jc
    # the paragraph mark's own run properties: not text
    inner += rpr(bold_mark)
    return "<w:pPr>" + inner + "</w:pPr>"


def p(content="", jc=None, num=None, bold=False, raw=False, style=None):
    body = content if raw else (runs(content, bold) if content else "")
    return '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="004D5E6F">%s%s</w:p>' % (
        ppr(jc, num, bold, style),
        body,
    )


def tc(paras, width, span=1, vmerge=None, shade=False):
    pr = '<w:tcW w:w="%d" w:type="dxa"/>' % width
    if span > 1:
        pr += '<w:gridSpan w:val="%d"/>' % span
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "cont":
        pr += "<w:vMerge/>"
    if shade:
        pr += '<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    pr += '<w:vAlign w:val="center"/>'
    if isinstance(paras, str):
        paras = [paras]
    if not paras:
        paras = [p()]
    return "<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>" % (pr, "".join(paras))


def tr(cells, header=False, cant_split=True):
    pr = ""
    if cant_split:
        pr += "<w:cantSplit/>"
    if header:
        pr += "<w:tblHeader/>"
    return '<w:tr w:rsidR="00A1B2C3" w:rsidTr="0012AB34"><w:trPr>%s</w:trPr>%s</w:tr>' % (pr, "".join(cells))


def tbl(grid, rows, borders=True):
    b = ""
    if borders:
        b = "<w:tblBorders>" + "".join(
            '<w:%s w:val="single" w:sz="4" w:space="0" w:color="auto"/>' % e
            for e in ["top", "left", "bottom", "right", "insideH", "insideV"]
        ) + "</w:tblBorders>"
    pr = '<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>%s<w:tblLayout w:type="fixed"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' % b
    g = "<w:tblGrid>" + "".join('<w:gridCol w:w="%d"/>' % w for w in grid) + "</w:tblGrid>"
    return "<w:tbl>" + pr + g + "".join(rows) + "</w:tbl>"


def sdt(content, alias, tag, block="row"):
    """A content control around a row (w:sdt in w:tbl) or a cell (in w:tr)."""
    return (
        '<w:sdt><w:sdtPr>%s<w:alias w:val="%s"/><w:tag w:val="%s"/><w:id w:val="-1482137%d"/><w:lock w:val="sdtLocked"/></w:sdtPr><w:sdtEndPr/><w:sdtContent>%s</w:sdtContent></w:sdt>'
        % (rpr(True), alias, tag, len(tag), content)
    )


def document(body):
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        "<w:document %s><w:body>%s%s</w:body></w:document>" % (W_NS, body, SECT)
    )


def write_zip(name, parts):
    os.makedirs(os.path.dirname(os.path.join(OUT, name)), exist_ok=True)
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, date_time=STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def docx(name, body, title, numbering=None):
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES.format(extra=NUMBERING_TYPE if numbering else "")),
        ("_rels/.rels", RELS),
        ("docProps/core.xml", CORE.format(title=escape(title))),
        ("word/document.xml", document(body)),
        ("word/_rels/document.xml.rels", DOC_RELS.format(extra=NUMBERING_REL if numbering else "")),
    ]
    if numbering:
        parts.append(("word/numbering.xml", numbering))
    write_zip(name, parts)


# ---------------------------------------------------------------- Word layout

GRID1 = [850, 7400, 1100, 1100, 3500]


def item_row(num, title, points, lines=(), bold=False, evidence="", center_num=True):
    title_paras = [p(title, bold=bold)] + [p(l, raw=l.startswith("<")) for l in lines]
    return tr(
        [
            tc(p(num, jc="center" if center_num else None, bold=bold), GRID1[0]),
            tc(title_paras, GRID1[1]),
            tc(p(points, jc="center", bold=bold), GRID1[2]),
            tc(p(), GRID1[3]),
            tc(p(evidence) if evidence else p(), GRID1[4]),
        ]
    )


def word_layout():
    head1 = tr(
        [
            tc(p("STT", jc="center", bold=True), GRID1[0], vmerge="restart", shade=True),
            tc(p("Lĩnh vực/Tiêu chí/Tiêu chí thành phần", jc="center", bold=True), GRID1[1], vmerge="restart", shade=True),
            tc(p("Điểm", jc="center", bold=True), GRID1[2] + GRID1[3], span=2, shade=True),
            tc(p("Tài liệu kiểm chứng", jc="center", bold=True), GRID1[4], vmerge="restart", shade=True),
        ],
        header=True,
    )
    head2 = tr(
        [
            tc(p(), GRID1[0], vmerge="cont"),
            tc(p(), GRID1[1], vmerge="cont"),
            tc(p("Tối đa", jc="center", bold=True), GRID1[2]),
            tc(p("Tự chấm", jc="center", bold=True), GRID1[3]),
            tc(p(), GRID1[4], vmerge="cont"),
        ],
        header=True,
    )
    numbers = tr([tc(p("(%d)" % (i + 1), jc="center"), w) for i, w in enumerate(GRID1)], header=True)
    br = lambda a, b: run(a) + "<w:br/>" + run(b)
    tab_line = (
        run("- Từ 80% đến dưới 100% kế hoạch:")
        + "<w:tab/>"
        + run("4 điểm")
    )
    smart = (
        run("- Hoàn thành ")
        + '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="metricconverter"><w:smartTagPr><w:attr w:name="ProductID" w:val="100%"/></w:smartTagPr>'
        + run("100%")
        + "</w:smartTag>"
        + run(" kế hoạch: 6 điểm")
    )
    rows = [
        head1,
        head2,
        numbers,
        item_row("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "40", bold=True),
        item_row("1", "Kế hoạch cải cách hành chính năm", "10", bold=True),
        item_row(
            "1.1",
            "Ban hành kế hoạch CCHC năm của cơ quan",
            "4",
            [
                "- Ban hành kịp thời: 4 điểm",
                '<w:bookmarkStart w:id="0" w:name="_Toc1"/>' + br("- Ban hành chậm: 2 điểm", "- Không ban hành: 0 điểm") + '<w:bookmarkEnd w:id="0"/>',
            ],
            evidence="Quyết định ban hành kế hoạch",
        ),
        item_row(
            "1.2",
            "Mức độ hoàn thành kế hoạch CCHC",
            "6",
            [smart, tab_line, "- Dưới 80% kế hoạch: 0 điểm"],
            evidence="Báo cáo CCHC năm",
        ),
        item_row("2", "Báo cáo cải cách hành chính định kỳ", "10", bold=True),
        item_row(
            "2.1",
            "Số báo cáo định kỳ gửi đúng hạn (4 báo cáo/năm)",
            "5",
            ["- 4 báo cáo: 5 điểm", "- 3 báo cáo: 3 điểm", "- Từ 0 đến 2 báo cáo: 0 điểm"],
        ),
        # a content control around a whole row
        sdt(
            item_row(
                "2.2",
                "Báo cáo đủ nội dung theo hướng dẫn",
                "5",
                ["Đạt: 5 điểm; Không đạt: 0 điểm"],
            ),
            "Tiêu chí 2.2",
            "tc-2-2",
        ),
        # a criterion scored directly, and its points in a content control
        tr(
            [
                tc(p("3", jc="center", bold=True), GRID1[0]),
                tc(
                    [
                        p("Công tác tuyên truyền cải cách hành chính", bold=True),
                        p("Điểm = tỷ lệ % nhiệm vụ tuyên truyền hoàn thành × 20 điểm"),
                        p("(Trường hợp không phát sinh nhiệm vụ thì được điểm tối đa)"),
                    ],
                    GRID1[1],
                ),
                sdt(tc(p("20", jc="center", bold=True), GRID1[2]), "Điểm tối đa", "diem-3"),
                tc(p(), GRID1[3]),
                tc(p("Kế hoạch tuyên truyền"), GRID1[4]),
            ]
        ),
        item_row("II", "ĐÁNH GIÁ CỦA NGƯỜI DÂN, TỔ CHỨC", "60", bold=True),
        item_row("1", "Mức độ hài lòng về sự phục vụ hành chính", "60", bold=True),
        item_row(
            "1.1",
            "Mức độ hài lòng của người dân, tổ chức (điều tra xã hội học)",
            "30",
        ),
        item_row(
            "1.2",
            "Đánh giá của cán bộ, công chức về công tác CCHC",
            "30",
            ["Theo kết quả khảo sát, điều tra xã hội học"],
        ),
        tr(
            [
                tc(p("Tổng cộng", jc="center", bold=True), GRID1[0] + GRID1[1], span=2),
                tc(p("100", jc="center", bold=True), GRID1[2]),
                tc(p(), GRID1[3]),
                tc(p(), GRID1[4]),
            ]
        ),
    ]
    body = (
        p("PHỤ LỤC", jc="center", bold=True)
        + p("BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH", jc="center", bold=True)
        + p(run("(Kèm theo Quyết định số 123/QĐ-UBND ngày 14/3/2025 của UBND tỉnh)", italic=True), jc="center", raw=True)
        + tbl(GRID1, rows)
        + p()
    )
    docx("word-layout.docx", body, "Phụ lục Bộ tiêu chí")


# ------------------------------------------------------------ auto-numbering

GRID2 = [900, 5200, 1000, 6000, 1500]

NUMBERING = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<w:numbering %s>'
    # 0: the criteria outline: I. / 1.1. / 1.1.1. (legal numbering below the
    # Roman level, as Word shows "1.1." under "I.")
    '<w:abstractNum w:abstractNumId="0" w15:restartNumberingAfterBreak="0" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0409001D"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%%1."/><w:lvlJc w:val="center"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2."/><w:lvlJc w:val="center"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%%1.%%2.%%3."/><w:lvlJc w:val="center"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>'
    '<w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%4)"/><w:lvlJc w:val="left"/></w:lvl>'
    '</w:abstractNum>'
    # 1: dashes for scoring lines
    '<w:abstractNum w:abstractNumId="1"><w:nsid w:val="2B3C4D5E"/><w:multiLevelType w:val="hybridMultilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="284" w:hanging="284"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:hint="default"/></w:rPr></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/></w:lvl>'
    '</w:abstractNum>'
    # 2: a) b) c) for the levels of a rule, restarted in each cell
    '<w:abstractNum w:abstractNumId="2"><w:nsid w:val="3C4D5E6F"/><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%%1)"/><w:lvlJc w:val="left"/></w:lvl>'
    '</w:abstractNum>'
    # 3: "Điều 1." in the decision's body
    '<w:abstractNum w:abstractNumId="3"><w:nsid w:val="4D5E6F70"/><w:multiLevelType w:val="singleLevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %%1."/><w:lvlJc w:val="left"/></w:lvl>'
    '</w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="2"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num>'
    '</w:numbering>' % W_NS
)


def num_cell(level, bold=False):
    """The STT cell: an empty paragraph numbered by Word."""
    return tc(p(num=(level, 1), jc="center", bold=bold), GRID2[0])


def row2(level, title, points, rule=(), bold=False, note=""):
    return tr(
        [
            num_cell(level, bold),
            tc(p(title, bold=bold), GRID2[1]),
            tc(p(points, jc="center", bold=bold), GRID2[2]),
            tc([p(text, num=num) for text, num in rule] if rule else [p()], GRID2[3]),
            tc(p(note) if note else p(), GRID2[4]),
        ]
    )


def dash(text):
    return (text, (0, 2))


def auto_numbered():
    # the national header: two columns without borders
    national = tbl(
        [4500, 9500],
        [
            tr(
                [
                    tc([p("ỦY BAN NHÂN DÂN", jc="center"), p("TỈNH GIA LAI", jc="center", bold=True), p("Số: 123/QĐ-UBND", jc="center")], 4500),
                    tc([p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", jc="center", bold=True), p("Độc lập - Tự do - Hạnh phúc", jc="center", bold=True), p(run("Gia Lai, ngày 14 tháng 3 năm 2025", italic=True), jc="center", raw=True)], 9500),
                ],
                cant_split=False,
            )
        ],
        borders=False,
    )
    signature = tbl(
        [5000, 9000],
        [
            tr(
                [
                    tc([p("Nơi nhận:", bold=True), p("- Như Điều 3;"), p("- Bộ Nội vụ (b/c);"), p("- Lưu: VT, NC.")], 5000),
                    tc([p("TM. ỦY BAN NHÂN DÂN", jc="center", bold=True), p("KT. CHỦ TỊCH", jc="center", bold=True), p("PHÓ CHỦ TỊCH", jc="center", bold=True), p("(Đã ký)", jc="center"), p("Nguyễn Văn A", jc="center", bold=True)], 9000),
                ],
                cant_split=False,
            )
        ],
        borders=False,
    )
    head = tr(
        [
            tc(p("TT", jc="center", bold=True), GRID2[0], shade=True),
            tc(p("Nội dung tiêu chí", jc="center", bold=True), GRID2[1], shade=True),
            tc(p("Điểm tối đa", jc="center", bold=True), GRID2[2], shade=True),
            tc(p("Phương pháp chấm điểm", jc="center", bold=True), GRID2[3], shade=True),
            tc(p("Ghi chú", jc="center", bold=True), GRID2[4], shade=True),
        ],
        header=True,
    )
    rows = [
        head,
        row2(0, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "30", bold=True),
        row2(1, "Kế hoạch cải cách hành chính", "12", bold=True),
        row2(
            2,
            "Ban hành kế hoạch CCHC năm",
            "4",
            [
                ("Ban hành trước ngày 15/12: 4 điểm", (0, 3)),
                ("Ban hành sau ngày 15/12: 2 điểm", (0, 3)),
                ("Không ban hành: 0 điểm", (0, 3)),
            ],
        ),
        row2(
            2,
            "Tỷ lệ nhiệm vụ của kế hoạch hoàn thành",
            "8",
            [dash("Đạt 100%: 8 điểm"), dash("Từ 80% đến dưới 100%: 5 điểm"), dash("Dưới 80%: 0 điểm")],
        ),
        # scored directly, its levels lettered again from a)
        row2(
            1,
            "Kiểm tra công tác cải cách hành chính",
            "18",
            [
                ("Từ 5 cuộc kiểm tra trở lên: 18 điểm", (0, 4)),
                ("Từ 2 đến 4 cuộc kiểm tra: 9 điểm", (0, 4)),
                ("Dưới 2 cuộc kiểm tra: 0 điểm", (0, 4)),
            ],
        ),
        row2(0, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "30", bold=True),
        row2(
            1,
            "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn",
            "20",
            [
                dash("Điểm = tỷ lệ % hồ sơ giải quyết đúng hạn × 20 điểm"),
                dash("Trường hợp không phát sinh hồ sơ thì được điểm tối đa"),
            ],
        ),
        row2(1, "Công khai thủ tục hành chính", "10", bold=True),
        row2(2, "Công khai đầy đủ TTHC tại Bộ phận một cửa", "5", [("Đạt: 5 điểm; Không đạt: 0 điểm", None)]),
        row2(
            2,
            "Cập nhật TTHC trên Cổng dịch vụ công",
            "5",
            [dash("Có cập nhật: 5 điểm"), dash("Không cập nhật: 0 điểm")],
            note="Theo dõi trên Cổng",
        ),
        row2(0, "MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN", "40", bold=True),
        row2(1, "Chỉ số hài lòng về sự phục vụ hành chính", "40", [("Theo kết quả điều tra xã hội học", None)]),
        tr(
            [
                tc(p(), GRID2[0]),
                tc(p("TỔNG CỘNG", jc="center", bold=True), GRID2[1]),
                tc(p("100", jc="center", bold=True), GRID2[2]),
                tc(p(), GRID2[3]),
                tc(p(), GRID2[4]),
            ]
        ),
    ]
    body = (
        national
        + p("QUYẾT ĐỊNH", jc="center", bold=True)
        + p("Ban hành Bộ tiêu chí xác định Chỉ số cải cách hành chính", jc="center", bold=True)
        + p("Ban hành kèm theo Quyết định này Bộ tiêu chí xác định Chỉ số CCHC.", num=(0, 5))
        + p("Quyết định có hiệu lực kể từ ngày ký.", num=(0, 5))
        + p("Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành.", num=(0, 5))
        + signature
        + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'
        + p("PHỤ LỤC", jc="center", bold=True)
        + tbl(GRID2, rows)
    )
    docx("auto-numbered.docx", body, "Quyết định 123/QĐ-UBND", numbering=NUMBERING)


# ------------------------------------------------------------- not .docx

def not_docx():
    d = os.path.join(OUT, "not-docx")
    os.makedirs(d, exist_ok=True)
    # Word 97-2003: the OLE compound file header, then a sector of nothing
    ole = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16) + bytes.fromhex("3E000300FEFF0900") + bytes(512 - 32)
    with open(os.path.join(d, "quyet-dinh.doc"), "wb") as f:
        f.write(ole)
    with open(os.path.join(d, "quyet-dinh.pdf"), "wb") as f:
        f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
    # a zip, but of photos: no word/document.xml
    write_zip(
        "not-docx/anh-chup.zip",
        [("anh/trang-1.txt", "không phải tài liệu Word"), ("anh/trang-2.txt", "trang 2")],
    )
    # a Word document with paragraphs only
    docx(
        "not-docx/khong-co-bang.docx",
        p("QUYẾT ĐỊNH", jc="center", bold=True) + p("Phụ lục được ban hành thành tệp riêng."),
        "Không có bảng",
    )


if __name__ == "__main__":
    word_layout()
    auto_numbered()
    not_docx()
    for root, _, files in sorted(os.walk(OUT)):
        for f in sorted(files):
            path = os.path.join(root, f)
            print("%7d  %s" % (os.path.getsize(path), os.path.relpath(path, ROOT)))
