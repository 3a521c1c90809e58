#!/usr/bin/env python3
"""Makes the test PDFs of this directory from text reports, through LibreOffice.

    apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils
    python3 make.py            # writes *.fodt and converts them to *.pdf

The PDFs are committed; tests never need LibreOffice. Each report is written as
a flat OpenDocument text (.fodt) with what published reports have: a title on
two lines, justified paragraphs with a first-line indent, ruled tables with
merged cells and narrow columns (labels wrap inside their cells), the header
rows of a table repeated after a page break, a running header, and the page
number right-aligned in the footer. scanned.pdf is one page that is only an
image (a page of a report rendered by pdftoppm) with a page number in its
footer; the last page of report.pdf is an image too. two-columns.pdf sets
the first part in two columns. encrypted.pdf needs the
password "secret". webpage-004.pdf is the
real report ../shared/corpus/004.html printed by LibreOffice's web layout.
"""
import base64, html, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = "Noto Serif CJK SC"

HEAD = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="{FONT}" svg:font-family="&apos;{FONT}&apos;"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:text-properties style:font-name="{FONT}" fo:font-size="14pt" style:font-name-asian="{FONT}" style:font-size-asian="14pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="20pt" style:font-size-asian="20pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="0.99cm" fo:line-height="140%"/></style:style>
 <style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>
 <style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
 <style:style style:name="CellP" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
 <style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.06cm" style:vertical-align="middle"/></style:style>
 <style:style style:name="Tbl" style:family="table"><style:table-properties style:width="15.6cm" table:align="margins"/></style:style>
 <style:style style:name="Cols2" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties></style:style>
 <style:style style:name="PB" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
 <style:style style:name="Img" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:horizontal-pos="center"/></style:style>
{{colstyles}}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
 {{header}}
 <style:footer><text:p text:style-name="Footer">- <text:page-number text:select-page="current">1</text:page-number> -</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
'''
TAIL = '</office:text></office:body></office:document>\n'

def esc(s):
    return html.escape(s, quote=False)

class Doc:
    def __init__(self, header=""):
        self.parts, self.colstyles, self.ntables = [], [], 0
        self.header = f'<style:header><text:p text:style-name="Header">{esc(header)}</text:p></style:header>' if header else ""

    def p(self, text, style="Body"):
        self.parts.append(f'<text:p text:style-name="{style}">{esc(text)}</text:p>')

    def table(self, rows, widths, header_rows=0):
        """rows: lists of fields as a text report spells them (tab-separated);
        a field followed by empty fields spans them, an empty field under a
        cell continues it downwards (Word's merged cells)."""
        self.ntables += 1
        t = self.ntables
        n = len(widths)
        grid = [r + [""] * (n - len(r)) for r in rows]
        covered = [[False] * n for _ in grid]
        for i, w in enumerate(widths):
            self.colstyles.append(f'<style:style style:name="T{t}C{i}" style:family="table-column"><style:table-column-properties style:column-width="{w}cm"/></style:style>')
        out = [f'<table:table table:name="Table{t}" table:style-name="Tbl">']
        out += [f'<table:table-column table:style-name="T{t}C{i}"/>' for i in range(n)]
        for r, row in enumerate(grid):
            if r == 0 and header_rows:
                out.append('<table:table-header-rows>')
            out.append('<table:table-row>')
            for c in range(n):
                if covered[r][c]:
                    out.append('<table:covered-table-cell/>')
                    continue
                cs = 1
                while c + cs < n and grid[r][c + cs] == "" and not covered[r][c + cs]:
                    cs += 1
                rs = 1
                # a number is one cell: only labels and headings span rows
                while not grid[r][c].isdigit() and r + rs < len(grid) and all(grid[r + rs][k] == "" and not covered[r + rs][k] for k in range(c, c + cs)):
                    rs += 1
                if grid[r][c] == "":
                    cs = rs = 1
                for dr in range(rs):
                    for dc in range(cs):
                        if dr or dc:
                            covered[r + dr][c + dc] = True
                span = (f' table:number-columns-spanned="{cs}"' if cs > 1 else "") + (f' table:number-rows-spanned="{rs}"' if rs > 1 else "")
                out.append(f'<table:table-cell table:style-name="Cell"{span} office:value-type="string"><text:p text:style-name="CellP">{esc(grid[r][c])}</text:p></table:table-cell>')
            out.append('</table:table-row>')
            if header_rows and r == header_rows - 1:
                out.append('</table:table-header-rows>')
        out.append('</table:table>')
        self.parts.append("\n".join(out))

    def columns(self, on):
        self.parts.append('<text:section text:style-name="Cols2" text:name="Columns">' if on else '</text:section>')

    def image_page(self, png):
        data = base64.b64encode(png).decode()
        self.parts.append(f'<text:p text:style-name="PB"><draw:frame draw:style-name="Img" text:anchor-type="as-char" svg:width="15.6cm" svg:height="22cm"><draw:image><office:binary-data>{data}</office:binary-data></draw:image></draw:frame></text:p>')

    def write(self, name):
        path = os.path.join(HERE, name + ".fodt")
        with open(path, "w") as f:
            f.write(HEAD.replace("{colstyles}", "\n".join(self.colstyles)).replace("{header}", self.header))
            f.write("\n".join(self.parts))
            f.write(TAIL)
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf:writer_pdf_Export", "--outdir", HERE, path], check=True, stdout=subprocess.DEVNULL)
        os.remove(path)

def report(src, name, header="", seal=False, two_columns=False):
    """Lays out a text report (tables as tab-separated rows) as a PDF."""
    lines = open(src, encoding="utf-8").read().split("\n")
    d = Doc(header)
    title = lines[0]
    m = re.match(r"(.*?)(\d{4}年政府信息公开工作年度报告)$", title)
    d.p(m.group(1), "Title")
    d.p(m.group(2), "Title")
    i = 1
    if two_columns:
        # the parts before the tables set in two columns
        d.columns(True)
    while i < len(lines):
        line = lines[i]
        if two_columns and line.startswith("二、"):
            d.columns(False)
            two_columns = False
        if line.startswith("第二十条") or "\t" in line:
            block = []
            while i < len(lines) and (lines[i].startswith("第二十条") or "\t" in lines[i]):
                block.append(lines[i].split("\t"))
                i += 1
            n = max(len(r) for r in block)
            if block[0][0].startswith("（本列数据"):
                # 表三: narrow label and data columns, so that labels wrap
                widths = [1.2, 2.2, 4.6] + [1.05] * 7
                d.table(block, widths[:n], header_rows=3)
            elif n >= 15:
                d.table(block, [15.6 / n] * n)
            else:
                d.table(block, [15.6 / n] * n)
            continue
        if line.strip():
            style = "Sign" if i >= len(lines) - 4 and len(line) < 20 else "Body"
            d.p(line, style)
        i += 1
    if seal:
        # a last page that is only a picture (a scanned, stamped page)
        d.image_page(render_page(os.path.join(HERE, "..", "..", "..", "..", "..", "..", "shared", "corpus", "pdf", "001.pdf"), 5))
    d.write(name)

def render_page(pdf, page):
    return subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", str(page), "-l", str(page), pdf],
                          capture_output=True, check=True).stdout

def scanned(name):
    png = render_page(os.path.join(HERE, "report.pdf"), 1)
    d = Doc()
    d.image_page(png)
    d.write(name)

def web_page(src, name):
    """A real report saved as a web page, printed to PDF by LibreOffice's web
    layout: long table rows break across pages (a cut row's label goes on at
    the top of the next page)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL)
        base = os.path.splitext(os.path.basename(src))[0]
        os.replace(os.path.join(tmp, base + ".pdf"), os.path.join(HERE, name + ".pdf"))

def encrypted(name):
    """A short report that needs a password to be opened."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, name + ".txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write("某某局2024年政府信息公开工作年度报告\n一、总体情况\n")
        opts = '{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}'
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf:writer_pdf_Export:" + opts, "--outdir", HERE, src],
                       check=True, stdout=subprocess.DEVNULL)

if __name__ == "__main__":
    report(os.path.join(HERE, "report.txt"), "report", header="江川市生态环境局政务公开", seal=True)
    scanned("scanned")
    report(os.path.join(HERE, "report.txt"), "two-columns", two_columns=True)
    encrypted("encrypted")
    web_page(os.path.join(HERE, "..", "..", "..", "..", "..", "..", "shared", "corpus", "004.html"), "webpage-004")
