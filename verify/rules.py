"""The rule registry: every check has a stable code and a one-line description.

Codes are part of the public contract: they appear in records, in the review
queue and in run summaries, and ``llm-extract rules`` lists them. Never reuse or
rename a code; add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass

from llm_extract.form import FORM

__all__ = ["Rule", "RULES", "register", "describe"]


@dataclass(frozen=True)
class Rule:
    code: str
    zh: str
    en: str


RULES: dict[str, Rule] = {}


def register(code: str, zh: str, en: str) -> Rule:
    """Register a rule code (idempotent for the same text)."""
    rule = Rule(code, zh, en)
    existing = RULES.get(code)
    if existing is not None and existing != rule:
        raise ValueError(f"rule code {code} registered twice with different text")
    RULES[code] = rule
    return rule


def describe(code: str) -> str:
    rule = RULES.get(code)
    return f"{code}: {rule.en}" if rule else code


# Identities (verify/identities.py)
for _identity in FORM.identities:
    register(_identity.code, _identity.zh, _identity.en)
# Derivation (verify/derive.py)
register("DERIVE.PINNED", "缺失单元格由勾稽关系唯一确定", "a lost cell is pinned to exactly one value by the identities")
register("DERIVE.AMBIGUOUS", "缺失单元格有多个满足勾稽关系的取值", "the identities leave several values for lost cells")
register("DERIVE.MISREAD", "OCR 误读的单元格：唯一破坏所在勾稽关系的读数，由勾稽关系确定其值",
         "an OCR misread cell: the one reading that breaks the identities it is in, pinned by them")
register("READ.OCR_LETTERS_PINNED", "只有易误认字母的单元格（如 O），勾稽关系唯一确定的值与字母所代表的数字一致",
         "a cell printed as OCR letters only (O), pinned by the identities to the digits the letters stand for")
register("DERIVE.UNPRINTED", "缺失单元格由勾稽关系确定的值不在其所在行印出的数字之中：据以推算的勾稽关系不能证明其他单元格",
         "a lost cell pinned to a value none of the numbers printed for it holds: the identities that pinned it "
         "prove none of their other cells")
register("DERIVE.SEARCH_CAP", "候选组合过多，停止搜索", "too many candidate readings to search; cells left missing")
# Reading (llm_extract/extract)
register("READ.MISSING", "单元格无法确定读取", "a cell could not be read with certainty")
register("READ.NOT_PRINTED", "报告未列出该单元格（如（六）其他处理仅列一行），不推算",
         "the report does not print this cell ((六) printed as one row): left null, never derived")
register("READ.ISOLATED_BLANK", "空白单元格的同行、同列相邻单元格均为数字（或上下相邻的两个这样的空白），可能是丢失的 0",
         "a blank cell whose row and column neighbours are all numbers (or two such blanks one above the other): "
         "it may be a lost 0")
register("READ.OCR_LETTERS", "单元格只有易被 OCR 误认的字母（如 O、l），按数字读取，未经证明",
         "a cell of OCR-confusable letters only (O, l): read as digits, never proven")
register("READ.COLUMN_ORDER", "表三表头把“总计”列印在“自然人”之前，而没有哪一行的数字能区分两种列序（如 3 0 0 0 0 0 3）：按表头读取，未经证明",
         "表三's header prints 总计 before 自然人, and no row's numbers tell the two column orders apart (3 0 0 0 0 0 3): "
         "read as the header says, never proven")
register("READ.APPLICANT_ORDER", "表三表头所列六类申请人列的顺序与格式不同（如“其他”在“法律服务机构”之前）：按表头放置，"
         "勾稽关系对各申请人列一视同仁，无法核对，未经证明；表头顺序不同而有列名无法识别时，各申请人列均未经证明",
         "表三's header names the six applicant columns in another order than the form's (其他 before 法律服务机构): "
         "placed as the header says; the identities treat the six columns alike and cannot check it: never proven; "
         "a header in another order naming a column in words no list knows leaves every applicant cell unproven")
register("READ.HEADER_ORDER", "表二或表四的表头所列各列（或表四两类诉讼）的顺序与格式不同（如“现行有效件数”在“本年废止件数”之前，"
         "“尚未审结”在“其他结果”之前）：按表头放置，无勾稽关系可核对，未经证明",
         "表二's or 表四's header names its columns (or 表四's two suits) in another order than the form's (现行有效件数 "
         "before 本年废止件数, 尚未审结 before 其他结果): placed as the header says; no identity checks it: never proven")
register("READ.LAYOUT_CLOSE", "定宽文本中按列位置放置的数字，另一种放法与之相差很小，未经证明",
         "numbers of a fixed-width row placed in their columns by position, another placement came close: never proven")
register("READ.ABOVE_OR_BELOW", "表二的数字读自标签下方各行，而标签正上方另有不属于任何一行的数字：报告可能把每行数字印在标签上方；"
         "表二没有勾稽关系可核对，不予证明",
         "表二 numbers read from the lines below their label, with numbers no row claims right above it: the report "
         "may print each row's numbers above its label, and no identity checks 表二")
register("READ.SEQUENCE_BROKEN", "表四的十五个数字每行一个，按文本中的顺序放入单元格，其中有勾稽关系不成立，顺序存疑：成立的一组也不予证明",
         "表四's fifteen numbers, one to a line, placed by their order in the text, and an identity among them "
         "breaks: their order is in doubt, and a group whose identity holds is not proven by it")
register("READ.ONE_CUT", "单元格由粘连数字串唯一的切分读出，无勾稽关系可核对（表二没有勾稽关系；报告自身违反勾稽关系时也无一成立；"
         "空白单元格在数字串中不留痕迹）",
         "a cell cut from a glued digit run that has one cut only, which no identity confirms (表二 has none; a report "
         "that breaks its own identities leaves none standing; a blank cell leaves no trace in a run)")
register("READ.RULE_GLYPHS", "表二一行的数字多于单元格，其中有 OCR 把表格竖线读成的字母（l、I）：去掉全部竖线字母后按唯一读法读取；"
         "表二没有勾稽关系可核对，不予证明",
         "a 表二 row holding more tokens than cells, table rules read by OCR as letters (l, I) among them: read "
         "after dropping every one of them, the only way the tokens fit; no identity checks 表二, never proven")
register("READ.BLOCK_POSITION", "PDF 文本按块输出（无版面选项），表二单元格仅凭其上方的条目与列标题及数字顺序放置，旁无行标签，也无勾稽关系可核对，未经证明",
         "a 表二 cell of PDF text printed as blocks (no layout option), placed only by the section and column headers "
         "above its numbers and their order: no row label beside it and no identity to check it")
register("READ.BOX_ORDER", "表二一行的数字在其标签之后逐个成行、其间隔有空行（PDF 文本工具逐框输出）：顺序是工具的，表二没有勾稽关系可核对，不予证明",
         "a 表二 row's numbers one to a line after its label, blank lines between (a PDF text tool printing box by "
         "box): their order is the tool's, and no identity checks 表二")
register("READ.OLD_FORM_SHAPE", "表二的行政许可、行政处罚、行政强制各行有三个数字，如 2019/2020 年版表格（上一年项目数量、本年增/减、处理决定数量），"
         "却未印出该版的词：其规章、规范性文件各行可能是旧版的本年新制作、本年新公开、对外公开总数量，不予证明",
         "表二's decisions' rows (行政许可, 行政处罚, 行政强制) hold three numbers each, as the 2019/2020 form's do "
         "(上一年项目数量, 本年增/减, 处理决定数量), though none of that form's words is printed: its 规章 / 规范性文件 "
         "rows may be that form's 本年新制作 / 本年新公开 / 对外公开总数量, which the 2021 keys do not mean")
register("READ.UNEVEN_LINES", "表二一行的数字分处标签下的几行，各行个数或行距不一（如 1 / 13 0：转换工具把一个数字的几段拆开时即如此）："
         "哪几个数字是哪几格是猜测，表二没有勾稽关系可核对，不予证明",
         "a 表二 row's numbers on several lines below its label that hold unlike counts or are spaced unlike (1 / 13 0: "
         "a converter parting one number's runs prints so): which numbers are which cells is a guess, and no "
         "identity checks 表二")
register("READ.STRAY_COLUMN", "网页表格每行末尾多一个浏览器不显示的单元格（隐藏列），转换工具照样输出：表三的勾稽关系表明了这一列，"
         "表二去掉每行末尾一格后读取，表二没有勾稽关系可核对，不予证明",
         "a page whose table rows each end in one cell more (a column the browser does not show, printed by a "
         "converter): 表三's identities told the column; 表二 read without each row's last cell, and no identity "
         "checks 表二")
register("READ.LABEL_STACK", "表二的数字读自标签下方各行，而该标签紧接在另一个表二标签之下、中间没有数字：标签按列印出，"
         "其后的数字可能属于上面的标签；表二没有勾稽关系可核对，不予证明",
         "表二 numbers read from the lines below their label, which stands right under another 表二 label with no "
         "number between: the labels were printed as a column and the numbers may be the other's; no identity "
         "checks 表二")
register("READ.T4_BLOCK_ORDER", "表四的十五个数字每行一个，其间夹有表四列标题的片段：文本按块输出，数字顺序是工具的顺序；"
         "同组数字换位总计不变，勾稽关系无法核对顺序，不予证明",
         "表四's fifteen numbers one to a line with pieces of its column headers among them: the text was printed "
         "as blocks and the order is the tool's; a group's cells in another order keep its total, so no identity "
         "checks the order: never proven")
register("READ.TWO_TABLES", "同一行的数字被读作两张表各一个单元格：一个印出的数字只属于一张表，"
         "某个读取器取了另一张表的数字（PDF 文本工具逐框输出时，下一表的标题可能印在上一表的数字之前），不予证明",
         "one line read as one cell of each of two tables: a number printed once "
         "is one table's, so a reader took another table's number (a PDF text tool printing boxes may put the next "
         "table's heading before the last table's numbers): never proven")
register("READ.T4_EDGE_BLANK", "表四一行十五格只印出十个数字，按列标题左缘判定首组或末组空白；组内零散空格在定宽文本中看不出，不予证明",
         "表四 as one row of fifteen printing ten numbers, the first or last group taken as blank by the header's left "
         "edge; a blank cell inside a group leaves no trace in fixed-width text: never proven")
register("READ.T4_COLUMN_PLACED", "表四一行十五格印出的数字少于十五个，按列标题（或等距的列）逐个定列，各组合计等于其结果之和；"
         "组内哪一列由版面位置决定，勾稽关系不能证明，不予证明",
         "表四 as one row of fifteen printing fewer numbers, each placed in the column it stands under (the header's "
         "column words, or evenly spaced columns), every group's total the sum of its results: which column inside a "
         "group a number stands in is the layout's, no identity shows it: never proven")
register("READ.COLUMN_RUNS", "表三的数字按文本工具的输出顺序读取（175 个数字按表格顺序、各列被文字分隔成几段，或行标签印在数字之后；"
         "或每行七个数字紧随其被拆成碎片的标签），勾稽关系全部成立；但六个申请人列的顺序由文本工具决定，换列后勾稽关系同样成立，不予证明",
         "表三's numbers read in a text tool's order (its 175 in the form's order, its columns parted into runs by text "
         "or its labels printed after their numbers; or each row's seven after its label's pieces), every identity "
         "holding; but the six applicant columns in another order keep every identity too and the text tool chose "
         "their order: never proven")
register("READ.ROW_ORDER", "表三按表格顺序读取，该行的数字不紧随其行标签（标签集中印在数字之前，或印在别处），只按文本工具的输出顺序排入；"
         "同一勾稽关系组中另一行也是如此排入、且该格数值不同，两行互换位置时勾稽关系全部成立，不予证明",
         "表三 read in the form's order, this row's numbers not printed right after its label (the labels printed "
         "together before the numbers, or elsewhere) but placed by the text tool's order alone; another row so placed "
         "stands in the same identities with another value in this column, and the two rows trading places keep "
         "every identity: never proven")
register("READ.BLANK_ROW_PLACED", "表三区域内只有 24 行的数字、25 个行标签俱全：假定某一行为空行（其单元格为空或印有 —、- 等符号），"
         "其余各行按表格顺序读取且勾稽关系全部成立，并且符号恰好位于该行上下两行的数字之间；只有一行符合时按此读取，该行读作空白。"
         "哪一行为空由符号位置和勾稽关系决定，顺序由文本工具决定，不予证明",
         "表三's region holds 24 rows' numbers and all 25 labels: read in the form's order around the one row whose "
         "marks (a blank row's cells that held one) stand between its neighbours' numbers, every identity holding, "
         "that row read blank; which row is blank is the marks' and the identities' choice, the order the tool's: "
         "never proven")
register("READ.T3_AFTER_T4", "表三最后几行右侧的单元格印在表四的单元格之间（纯文本 pdftotext 的阅读顺序）：按印出顺序放入未读出的单元格块，"
         "各行分段逐列排列，凡勾稽关系全部成立的排法都给出同一数值时读取；顺序由文本工具决定，不予证明",
         "表三's last cells printed among 表四's (plain pdftotext's reading order): placed in the printed order in the "
         "block of cells left unread, the rows cut into bands each printed column by column; read where every cut "
         "keeping every identity gives the same value; the order is the tool's: never proven")
register("READ.T3_LEFTOVER_ORDER", "表三前几行未被其他读法读出：取区域内其他读法未用的数字，按两股文字流（各行左侧单元格在先、各行其余单元格在后）分段读取，"
         "凡勾稽关系全部成立的读法都给出同一数值时读取；顺序由文本工具决定，不予证明",
         "表三's first rows, left unread by every other reader, from the region's numbers no other reading took, read "
         "as bands printed in two flows (each row's left cells, then each row's others); read where every such "
         "reading keeping every identity gives the same value; the order is the tool's: never proven")
register("READ.T3_PAGE_ROWS", "表三跨页：表头所在页之后各页的行，取其行名之后印出的数字，按印出顺序分段（每段逐列打印）读取，"
         "凡各行合计均成立的分法都给出同一数值时读取；上方各行未读出，列的勾稽关系无从核对，不予证明",
         "表三 across pages: the rows of the pages after the one its column headers stand on, read from the numbers "
         "printed after those rows' labels, cut into bands each printed column by column; read where every cut "
         "keeping every row's sum gives the same value; the rows above unread, no column identity checks them: "
         "never proven")
register("READ.T3_REGION_BANDS", "表三各页逐列打印（pdf2txt.py 读 LibreOffice 跨页表格）：不看行名，取表三区域内全部 175 个数字，"
         "按印出顺序分段（每段逐列打印）读取，凡各行合计与列的勾稽关系均成立的分法都给出同一数值时读取；"
         "哪一行由分法决定，不予证明",
         "表三 printed page by page column by column (pdf2txt.py of a LibreOffice table across pages): its region's "
         "175 numbers alone, the labels unread, cut into bands each printed column by column; read where every cut "
         "keeping every identity gives the same value; which row a cell is the cut says: never proven")
register("READ.T3_LEAD_COLUMN", "表三前几行逐列打印成一段，其下各行的“自然人”单元格与行名印在一起（pdf2txt.py -A 读 LibreOffice 表格）："
         "按印出顺序取这一段与“自然人”列，凡各行合计、该列勾稽关系均成立且行名同行的数字落在该行的分法都给出同一数值时读取；"
         "其后其余各列按表样顺序逐列取数，某列勾稽关系成立时读取；"
         "顺序由文本工具决定，不予证明",
         "表三's first rows printed as one band column by column, the 自然人 cells of the rows below printed among their "
         "labels (pdf2txt.py -A of a LibreOffice table): the band and that column read in printed order where every cut "
         "keeping the band's row sums and the column's identities, each number on a label's line on that label's row, "
         "gives the same value, and the other columns' runs after it where each keeps its column's identities; the order "
         "is the tool's: never proven")
register("READ.BLOCKS_ALIKE", "表三的列块（文本工具逐列打印）中每个数字都相同（全为 0）：任何排法都得出同一张表，数值无疑；"
         "但未找到一种排法来证明这些数字就是表三的单元格，不予证明",
         "表三's column blocks (a text tool printing the table column by column) all hold one number (all 0): every way "
         "to place them gives the same table, so the values are not in doubt; but no placing was found to show the "
         "numbers are 表三's cells: never proven")
register("READ.NOISY_TEXT", "表三、表四多处勾稽关系不成立，超出个别印错所能解释，文本读取不可靠；表二无勾稽关系可核对，不予证明",
         "表三 and 表四 break more identities than a misprint or two explain, so the text reads unreliably; 表二, "
         "which no identity checks, is not proven from it")
register("READ.OCR_TEXT", "文本是 OCR 结果，OCR 会漏读或重复数字；表二无勾稽关系可核对，不予证明",
         "the text is OCR output, which drops and doubles digits; 表二, which no identity checks, is not proven from it")
register("READ.OCR_BLANK", "OCR 文本中表四的空单元格、或表三整行空白（只有标签）：OCR 会漏读数字（1 读成空白，整行的 0 一并漏读），空白无文字佐证，且部分与合计一同漏读、或整行 0 漏读时勾稽关系仍成立，不予证明",
         "an empty 表四 cell, or a 表三 row empty throughout (its label alone), in OCR text: the engine drops digits "
         "(a 1 read as nothing, a row of zeros left out whole), the emptiness has no printed mark to show for it, "
         "and the identities still hold when a part and its total, or a row of zeros, were dropped: not proven")
register("READ.OCR_NAME", "机关名称读自 OCR 文字层：OCR 对同一字形处处误读相同（泉→录），他处重现也不能证明，不予证明",
         "an agency read from an OCR text layer: an OCR engine misreads a character the same way wherever it is "
         "printed (泉 as 录), so not even a second place proves it: not proven")
register("READ.AGENCY_NAME", "机关名称不以机关名称应有的结尾（政府、局、委员会……）结束（标题可能取自正文句子），"
         "或名称中某段文字重复出现（页眉叠印造成的乱码），不予证明",
         "an agency that does not end as a body's name does (政府, 局, 委员会, …; a title taken from a sentence?), "
         "or that repeats a piece of itself (garbled: a page header drawn over itself): not proven")
register("READ.BLANK_ORDER", "表三该行七格每行一个、远离其标签（文本工具按块输出），空白与 0 互换位置不破坏任何勾稽关系：空白和 0 不予证明",
         "a 表三 row whose seven cells stand one to a line far from their label (a text tool printing blocks): a blank "
         "and a 0 trading places keep every identity, so its blanks and zeros are not proven")
register("READ.BLANK_ORDER_COLUMNS", "表三按列逐格输出（文本工具按块输出，一行各格之间夹有他行的格），或一块数字仅按位置排入，其顺序为工具所定，空白与 0 互换位置不破坏任何勾稽关系：空白和 0 不予证明",
         "表三 rows printed column by column (a text tool printing boxes: other rows' cells stand between a row's "
         "cells), or a block of numbers placed by its position alone, in an order the tool chose: a blank and a 0 "
         "trading places keep every identity, so their blanks and zeros are not proven")
register("READ.OCR_YEAR", "年度读自 OCR 文字层，且正文别处没有写出同一年份，不予证明",
         "a year read from an OCR text layer and written nowhere else in the text: not proven")
register("READ.UNCHECKED", "所在勾稽关系因缺失单元格无法核对", "an identity this cell is in could not be checked")
register("READ.FORM", "不是 2021 版年度报告格式", "not the 2021 form of the annual report")
