"""Random but plausible Chinese names, addresses, employers and texts for demo data."""

from __future__ import annotations

from hexie_desktop.services.demo.draws import Draws

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "慕容")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉萍红华建国志海波鹏辉斌宇浩凯健俊帆帅旭宁"
    "婷雪琳晶颖倩岚慧巧美娇莉燕彩春菊梅凤林琴云莲真环秋珍贞莎锦黛青倩婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君"
)
RARE = ("䶮", "𬌗", "喆", "堃", "昇", "镕", "珺", "玥")
STREETS = ("建设路", "人民路", "解放路", "和平街", "新华路", "工业园路", "幸福村", "光明街", "创业大道", "滨河路")
VILLAGES = ("东坝村", "西营村", "南湖社区", "北苑社区", "李家庄", "王家湾", "新兴社区", "桃源村")
COMPANY_WORDS = (
    "华兴", "宏达", "鑫源", "金盛", "恒泰", "永安", "瑞丰", "新峰", "盛世", "远航", "天成", "嘉禾", "众诚",
    "隆基", "万顺", "广源", "博远", "锦程", "兴业", "德润", "中联", "东方", "长城", "腾飞", "汇通", "安达",
)
COMPANY_TRADES = (
    ("建筑工程", "E"), ("机械制造", "C"), ("服装", "C"), ("电子科技", "C"), ("物流", "G"), ("餐饮管理", "H"),
    ("商贸", "F"), ("物业管理", "K"), ("保洁服务", "O"), ("食品", "C"), ("家具", "C"), ("劳务派遣", "L"),
    ("酒店管理", "H"), ("网络科技", "I"), ("装饰工程", "E"), ("汽车维修", "O"),
)
COMPANY_FORMS = ("有限公司", "有限责任公司", "股份有限公司", "厂", "商行")
FACTS = {
    "wages": "申请人于{start}入职被申请人处从事{job}工作，被申请人拖欠申请人{months}个月工资共计{amount}元，经多次催要未果。",
    "contract_termination": "被申请人于{start}单方解除与申请人的劳动合同，未支付经济补偿，申请人要求支付经济补偿{amount}元。",
    "double_wages": "申请人自{start}入职，被申请人未与申请人签订书面劳动合同，申请人要求支付二倍工资差额{amount}元。",
    "social_insurance": "被申请人未为申请人缴纳社会保险费，申请人要求补缴并赔偿损失{amount}元。",
    "work_injury": "申请人于{start}在工作中受伤，已认定工伤，要求被申请人支付工伤待遇{amount}元。",
    "labor_relation": "申请人自{start}起在被申请人处从事{job}工作，要求确认双方存在劳动关系。",
    "rest_leave": "申请人要求被申请人支付未休年休假工资报酬{amount}元。",
    "welfare_training_protection": "申请人要求被申请人发放高温津贴及劳动保护用品折价款共计{amount}元。",
    "other": "双方就{job}岗位待遇发生争议，申请人要求被申请人支付{amount}元。",
}
JOBS = ("普工", "电焊工", "保洁员", "厨师", "服务员", "司机", "仓管员", "质检员", "钢筋工", "木工", "销售", "文员")


def person_name(draw: Draws, rare_rate: float = 0.003) -> str:
    """A Chinese personal name; a few contain rare characters (䶮, 𬌗 …)."""
    pick, rand = draw.pick, draw.random
    surname = pick(COMPOUND_SURNAMES) if rand() < 0.02 else pick(SURNAMES)
    given = pick(GIVEN) if rand() < 0.3 else pick(GIVEN) + pick(GIVEN)
    if rand() < rare_rate:
        given = given[:-1] + pick(RARE)
    return surname + given


def company_name(draw: Draws, town: str) -> tuple[str, str]:
    """An employer name and its GB/T 4754 section."""
    trade, industry = draw.pick(COMPANY_TRADES)
    return f"{town}{draw.pick(COMPANY_WORDS)}{trade}{draw.pick(COMPANY_FORMS)}", industry


def address(draw: Draws, town: str) -> str:
    """A plausible township address."""
    pick, between = draw.pick, draw.between
    if draw.random() < 0.5:
        return f"{town}{pick(VILLAGES)}{between(1, 12)}组{between(1, 80)}号"
    return f"{town}{pick(STREETS)}{between(1, 400)}号{between(1, 6)}单元{between(101, 1802)}室"


AREA_CODES = ("010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0311", "0351", "0371",
              "0431", "0451", "0531", "0551", "0571", "0591", "0731", "0755", "0771", "0851", "0871", "0931")
"""Real telephone area codes (3 digits for the big cities, else 4 digits starting 03–09)."""


def landline(pick: int, local: int) -> str:
    """A landline that passes the phone check: the ``pick``-th area code (cyclic) and a 7–8 digit local number."""
    return f"{AREA_CODES[pick % len(AREA_CODES)]}-{local}"


def mobile(draw: Draws) -> str:
    """A mainland mobile number."""
    return f"1{draw.pick('3456789')}{draw.below(1000000000):09d}"
