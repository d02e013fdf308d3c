"""Noto Sans CJK SC (SIL OFL 1.1) cut to GB2312 + CJK punctuation + full-width forms, with TrueType outlines
(PDFBox embeds and subsets TrueType outlines; CID-keyed CFF it does not). See src/main/resources/fonts/noto-sans-sc/README.md."""
import sys, glob
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

src, out, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
chars = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
chars |= {chr(c) for c in range(0x3000, 0x3040)}   # CJK symbols and punctuation
chars |= {chr(c) for c in range(0xFF01, 0xFF5F)}   # full-width forms
chars |= {chr(c) for c in range(0x20, 0x7F)}       # ASCII, so Chinese runs keep their own spaces and digits
for path in extra:                                   # every character of the Chinese bundles
    chars |= set(open(path, encoding='utf-8').read())
chars = {c for c in chars if ord(c) >= 0x20}

font = TTCollection(src).fonts[2]   # Noto Sans CJK SC
options = subset.Options()
options.desubroutinize = True
options.layout_features = []
options.name_IDs = ['*']
options.name_languages = [0x409]
options.notdef_outline = True
options.hinting = False
sub = subset.Subsetter(options)
sub.populate(unicodes=[ord(c) for c in chars])
sub.subset(font)

glyphOrder = font.getGlyphOrder()
glyphs = font.getGlyphSet()
quad = {}
for name in glyphOrder:
    pen = TTGlyphPen(glyphs)
    glyphs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
    quad[name] = pen.glyph()
font['loca'] = newTable('loca')
font['glyf'] = glyf = newTable('glyf')
glyf.glyphOrder = glyphOrder
glyf.glyphs = quad
del font['CFF ']
if 'VORG' in font:
    del font['VORG']
glyf.compile(font)
maxp = font['maxp'] = newTable('maxp')
maxp.tableVersion = 0x00010000
for a in ('maxZones',): setattr(maxp, a, 1)
for a in ('maxTwilightPoints', 'maxStorage', 'maxFunctionDefs', 'maxInstructionDefs', 'maxStackElements',
          'maxSizeOfInstructions', 'maxComponentElements', 'maxComponentDepth'):
    setattr(maxp, a, 0)
post = font['post']
post.formatType = 2.0
post.extraNames = []
post.mapping = {}
post.glyphOrder = glyphOrder
font.sfntVersion = '\000\001\000\000'
font.save(out)
print(len(chars), 'characters', len(glyphOrder), 'glyphs')
