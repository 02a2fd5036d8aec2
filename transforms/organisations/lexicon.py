"""Closed word classes that organisation phrases are built from (written in folded spelling).

Why here and not in a data file: these are grammar, not names. They drive both the CRF features
(trigger words) and the phrase rules, so one list keeps the two in step.
"""

from __future__ import annotations

from transforms.organisations.tokens import fold


def _f(words: str) -> frozenset[str]:
    return frozenset(fold(w) for w in words.split())


def _typed(spec: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for typ, words in spec.items():
        for w in words.split():
            out[fold(w)] = typ
    return out


# Head nouns that open an organisation name (indefinite construct form; the definite form is
# derived). Value = default type when nothing more specific is known.
HEADS: dict[str, str] = _typed(
    {
        "government": "وزارة مندوبية مديرية عمالة بلدية مجلس برلمان رئاسة ديوان سفارة قنصلية مفوضية "
        "وكالة هيئة هيأة الهيأة سلطة لجنة إدارة خزينة حكومة الحكومة المكتب مكتب صندوق مصلحة "
        "المندوبية المديرية الوزارة البرلمان المجلس الهيئة اللجنة الوكالة المفوضية السلطة الإدارة "
        "المصلحة الصندوق الديوان الرئاسة السفارة القنصلية الخارجية الداخلية دائرة الدائرة",
        "judiciary_security": "محكمة المحكمة النيابة نيابة الشرطة شرطة الجيش جيش القوات قوات الدرك درك "
        "المخابرات الاستخبارات الحرس جهاز الجهاز فرقة الفرقة الوقاية",
        "international": "منظمة المنظمة حلف الحلف",
        "party": "حزب الحزب حركة الحركة جبهة الجبهة تيار التيار التجمع كتلة الكتلة",
        "other": "تحالف التحالف ائتلاف الائتلاف",
        "union": "نقابة النقابة الكونفدرالية كونفدرالية الفيدرالية فيدرالية الفدرالية اتحادية",
        "company": "شركة الشركة بنك البنك مصرف المصرف مصنع",  # plural شركات names a sector
        "sports": "نادي النادي فريق الفريق منتخب المنتخب",
        "media": "صحيفة الصحيفة جريدة الجريدة مجلة المجلة قناة القناة إذاعة الإذاعة تلفزيون التلفزيون "
        "يومية أسبوعية شبكة راديو",
        "ngo": "جمعية الجمعية رابطة الرابطة منتدى المنتدى مرصد المرصد العصبة عصبة "
        "التعاضدية تعاضدية الهلال الصليب مؤسسة المؤسسة",
        "education_research": "جامعة الجامعة كلية الكلية معهد المعهد مدرسة المدرسة أكاديمية الأكاديمية "
        "مركز المركز مختبر المختبر كرسي مدرسة",
        "union_or_other": "اتحاد الاتحاد",
    }
)
HEADS.pop(fold("مديرية_الأمن"), None)

# Unit nouns that are no head (they open place phrases too) but open a police or guard unit's name
# ("منطقة الأمن بمدنين", "إقليم الحرس الوطني بسوسة").
UNIT_NOUNS: frozenset[str] = _f("منطقة إقليم اقليم فرقة مركز فرع مديرية وحدة فوج")

# Group, network and platform nouns: a listed name of any type after them takes them in ("مجموعة غوغل",
# "شبكة فيسبوك", "منصة انستغرام").
GROUP_NOUNS: frozenset[str] = _f("مجموعة شبكة منصة")
# An office or branch of a body ("مكتب قناة الجزيرة", "فرع الهلال الأحمر"): the body's type (guidelines rule 8).
OFFICE_NOUNS: frozenset[str] = _f("مكتب فرع")
# "مجلس إدارة" + a body: the body's board, one mention typed as the body (guidelines rule 8)
BOARD: tuple[str, str] = (fold("مجلس"), fold("إدارة"))
# "في" as written (folded it is "في" too): the seat of a branch, or the body an organ sits in.
IN_WORDS: frozenset[str] = frozenset(["في", "فى"])
# Nouns that are no head but shed a clitic like one ("لمليشيا الحوثي": ل + the militia).
MILITIA_NOUNS: frozenset[str] = _f("ميليشيا مليشيا ميليشيات مليشيات ميلشيات")

# Dual and plural heads of coordinated names (guidelines rule 12: "منتخبات روسيا وأوروغواي" is one mention), which
# HEADS (singular) does not hold: they only type the name.
PLURAL_HEADS: dict[str, str] = _typed(
    {
        "sports": "منتخبات منتخبي منتخبا المنتخبات المنتخبين المنتخبان فريقي الفريقين الفريقان ناديي الناديين",
        "party": "حزبي الحزبين الحزبان حركتي الحركتين",
        "government": "وزارتي الوزارتين الوزارتان حكومتي الحكومتين حكومات",
        "company": "شركتي الشركتين الشركتان",
        "media": "صحيفتي الصحيفتين قناتي القناتين",
    }
)

# Heads that name an institution only with a complement (never alone, even definite).
BARE_BAD: frozenset[str] = _f(
    "الحكومة الشرطة الجيش القوات الأمن الوزارة المجلس الهيئة اللجنة الشركة الجمعية المؤسسة المركز "
    "المنظمة الحزب الحركة النادي الفريق المنتخب الجامعة المكتب البنك المجموعة الصحيفة القناة المحكمة "
    "النيابة الإدارة الرئاسة الوكالة المديرية المندوبية الاتحاد البرلمان الولاية الجبهة التحالف "
    "الصندوق المعهد الكلية المدرسة الأكاديمية المرصد الرابطة المنتدى الداخلية الخارجية الدائرة "
    "المجلة الجريدة الإذاعة التلفزيون الموقع"
)

# Generic institution heads that become a name with a nationality adjective ("الشرطة المصرية").
NATIONAL_HEADS: frozenset[str] = _f(
    "الحكومة الشرطة الجيش القوات البرلمان المخابرات الاستخبارات الخارجية الداخلية البحرية "
    "السلطات الرئاسة الدبلوماسية"
)

# Words that end a name: function words, time words, titles, reporting verbs.
STOP: frozenset[str] = _f(
    "في من على إلى الى عن مع أن إن أنه إنه بأن لأن التي الذي الذين اللذين اللتين قد لا لم لن ما هذا هذه "
    "ذلك تلك هؤلاء كان كانت يكون تكون بعد قبل خلال حول ضد عبر بين منذ حتى أو ثم كما أيضا أمس اليوم "
    "غدا الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الماضي الماضية الجاري الجارية "
    "الحالي الحالية المقبل المقبلة الأخير الأخيرة السابق السابقة الأول الأولى الثاني الثانية عام سنة "
    "يوم شهر أسبوع وقال قال قالت وقالت أكد وأكد أكدت أعلن أعلنت وأعلن وأعلنت أفاد وأفاد ذكر وذكر "
    "أوضح وأوضح أشار وأشار أضاف وأضاف عن إلا لكن ولكن بل حيث عند عندما بينما وفق حسب لدى نحو "
    "هو هي هم هن نحن كل بعض جميع عدد أكثر أقل وهو وهي الذي عليه عليها فيه فيها منه منها له لها به بها "
    "تم يتم وتم الرئيس الوزير رئيس وزير السيد السيدة الدكتور الأستاذ المدير مدير الأمين الناطق المتحدث "
    "المنعقد المنعقدة المكلف المكلفة المعني المعنية المسؤول المسؤولة المختص المختصة المذكور المذكورة "
    "المتعلق المتعلقة العشرات المئات الآلاف عشرات مئات آلاف "
    "شمال جنوب شرق غرب شمالي جنوبي شرقي غربي برسم لفائدة باسم عضو نائب سفير السفير الملك جلالة صاحب التابع التابعة التابعين المكلف المكلفة بشأن بخصوص إزاء "
    "ضمن داخل خارج لصالح بسبب جراء إثر عقب وسط أمام وراء فوق تحت لدى بحضور بمشاركة بتنسيق بشراكة"
)

# Words that may join two parts of one name ("من أجل" handled by the rules).
JOIN_PURPOSE_HEADS: frozenset[str] = _f("مركز المركز معهد المعهد مختبر المختبر كرسي مرصد المرصد منتدى المنتدى")

# Titles and person cues: a span starting with these is a person or a role, not an organisation.
TITLES: frozenset[str] = _f(
    "الرئيس رئيس الوزير وزير السيد السيدة الدكتور د الأستاذ المدير مدير الأمين أمين الناطق المتحدث "
    "عضو نائب سفير السفير الملك جلالة الأمير الشيخ الإمام المستشار القاضي العقيد اللواء العميد الجنرال "
    "النقيب المفتش الوالي والي العامل عامل منسق رئيسة مديرة وزيرة السفيرة المندوب الممثل ممثل مندوب "
    "الكاتب كاتب المحامي المدرب مدرب اللاعب اللاعبة لاعبة لاعب الحارس النجم قائد القائد الزعيم زعيم"
)

# Programmes, plans, prizes, competitions, festivals and facilities: a span the CRF starts with one of these
# names the thing, not an organisation ("مشروع نور للطاقة الشمسية", "رؤية التكامل السعودية الإماراتية").
NOT_ORG_HEADS: frozenset[str] = _f(
    "مشروع المشروع برنامج البرنامج مخطط المخطط خطة الخطة رؤية الرؤية استراتيجية الاستراتيجية اتفاقية الاتفاقية "
    "صفقة الصفقة جائزة الجائزة مسابقة المسابقة بطولة البطولة كأس الكأس مهرجان المهرجان "
    # facilities used as places (guidelines: hospitals, airports, stadiums, prisons, hotels)
    "مستشفى المستشفى مصحة المصحة مطار المطار ملعب الملعب سجن السجن فندق الفندق"
)

# Phrases the guidelines exclude by name: branches of power, collective nouns and states named like bodies
# ("السلطة القضائية", "قوات الأمن", "المجتمع الدولي", "الاتحاد السوفيتي"); a longer name containing them is kept.
GENERIC_PHRASES: frozenset[str] = frozenset(
    " ".join(fold(w) for w in p.split())
    for p in ["السلطة القضائية", "السلطة التنفيذية", "السلطة التشريعية", "قوات الأمن", "القوات الأمنية",
              "الوحدات الأمنية", "الأجهزة الأمنية", "المصالح الأمنية", "القوات المسلحة", "المجتمع الدولي",
              "السلطات المحلية", "المؤسسة العسكرية", "المؤسسة الأمنية", "المؤسسات الأمنية", "المؤسسة التشريعية",
              # a party's organs with no party named (rule 8: no parent, no name)
              "المكتب السياسي", "المكتب التنفيذي", "الكتلة البرلمانية", "اللجنة المركزية", "المكتب الجامعي",
              "الهيئة المديرة", "المكتب الجهوي", "مجلس الهيئة", "الهيئة الإدارية",
              # states named like bodies are places (guidelines: countries are not organisations)
              "الاتحاد السوفيتي", "الاتحاد السوفياتي", "الاتحاد الروسي", "المملكة المتحدة",
              # a description before the agency's name: 'وكالة الأنباء الرسمية "وات"' (the gold marks "وات")
              "وكالة الأنباء الرسمية",
              # a school by its level alone, and a defendant's lawyers, name no organisation
              "المدرسة الابتدائية", "المدرسة الإعدادية", "المدرسة الثانوية", "المعهد الثانوي", "مدرسة ابتدائية",
              "مدرسة إعدادية", "معهد ثانوي", "هيئة الدفاع", "هيئة التدريس", "هيأة التدريس",
              # a kind of body, not one: "the news channel", "the issuing institution" (of a bond)
              "القناة الإخبارية", "مؤسسة الإصدار"]
)

# Nationality / place adjective endings signal "institution of country X" after a generic head.
NAT_SUFFIXES = (fold("ية"), fold("ي"))

# Adjectives right after a head that make it international ("المنتدى العالمي", "منظمة الصحة العالمية").
INTL_ADJ: frozenset[str] = _f("العالمي العالمية الدولي الدولية الأممي الأممية")

# Words that give the type away when they occur anywhere in the name.
TYPE_CUES: dict[str, str] = _typed(
    {
        "sports": "لكرة القدم كرة الرياضي الرياضية الأولمبية الأولمبي أولمبيك لألعاب للرياضة الرياضة "
        "للكرة للدراجات للملاكمة للتنس لكرة_اليد للعبة للشراع للسباحة للجودو للمصارعة للفروسية للرماية للجمباز "
        "للشطرنج للكاراتيه للتايكواندو للكيرلنغ للغولف للتجديف لألعاب_القوى السلة للسلة لكرة_السلة",
        "union": "للشغل للشغالين الشغل النقابي النقابية للتعليم_العالي العمالي العمالية للعمال العمال "
        "للموظفين للمهندسين للأطباء",
        "media": "أنباء للأنباء الأنباء للإعلام الإعلامية الإذاعة والتلفزة للتلفزة الصحفية للصحافة تايمز بوست "
        "نيوز برس",
        "ngo": "لحقوق حقوق الإنسان الحقوقية الخيرية للتنمية_البشرية المدني للدفاع لحماية للتضامن لنصرة "
        "لمناهضة لمساندة",
        "education_research": "للأبحاث الأبحاث للدراسات الدراسات للبحث البحث العلمي_العالي الجامعي "
        "الجامعية للتكوين التكوين الاستراتيجية",
        "religious": "للعلماء العلماء الإسلامية_العليا الإفتاء الأوقاف الكنيسة الأزهر الديني الدينية",
        "judiciary_security": "للأمن الأمن_الوطني القضائية للأبحاث_القضائية الاستئناف الابتدائية الإجرامية "
        "الإجرام "
        "الإدارية_بالرباط العسكرية للدرك السجون القضائي النقض",
        "international": "الأمم للأمم الأممية الأممي",
        "company": "للاتصالات للطيران للتأمين للاستثمار القابضة للنقل للطاقة للفوسفاط للماء_والكهرباء "
        "للبناء للصناعات للخدمات التجاري للتجارة",
    }
)

# Indefinite adjectives that make "head + adjective" a description, not a name ("شركة كبرى").
GENERIC_ADJ: frozenset[str] = _f(
    "كبير صغير كبرى كبيرة صغيرة قوي قوية محترم محترمة خطير خطيرة عريق عريقة  جديدة جديد حقوقية حقوقي دولية دولي محلية محلي عمومية عمومي خاصة خاص أجنبية أجنبي "
    "وطنية وطني عربية عربي أخرى آخر واحدة عدة مغربية مغربي رسمية رسمي مستقلة مستقل مختصة كثيرة عديدة "
    "مختلفة متخصصة إسلامية إسلامي دينية ديني نقابية نقابي سياسية سياسي غير تابعة أوروبية إفريقية أمريكية "
    "إسرائيلية فلسطينية عالمي عالمية جهوي جهوية إقليمي إقليمية مركزي مركزية رئيسي رئيسية مشترك مشتركة "
    "محوري محورية خاصة عامة عام جديدة متعددة شبه ديمقراطي ديمقراطية ليبرالي ليبرالية يساري يسارية معارض معارضة "
    "خيرية خيري واحد"
)

# Heads too generic to name anything with a single definite word after them ("مجلس الإدارة").
WEAK_HEADS: frozenset[str] = _f(
    "حركة الحركة إدارة الإدارة لجنة اللجنة مكتب المكتب مصلحة المصلحة صندوق الصندوق جهاز الجهاز فريق الفريق موقع "
    "شبكة مجموعة المجموعة مركز المركز فرقة الفرقة سلطة السلطة ديوان الديوان دائرة الدائرة"
)

# Adjectives that make a definite generic head an institution ("المديرية العامة", "المكتب الوطني").
INST_ADJ: frozenset[str] = _f(
    "العام العامة العمومي العمومية الوطني الوطنية المركزي المركزية الأعلى العليا الملكي الملكية الجهوي الجهوية الإقليمي "
    "الإقليمية الدولي الدولية العالمي العالمية الأوروبي الأوروبية الإفريقي الإفريقية الأفريقي الأفريقية "
    "العربي العربية الإسلامي الإسلامية الاتحادي الاتحادية الفيدرالي الفيدرالية الشعبي الشعبية "
    "الديمقراطي الديمقراطية الاشتراكي الاشتراكية المستقلة المستقل السامية السامي التنفيذية التنفيذي "
    "الاستشاري الاستشارية الأممي الأممية الدستورية الدستوري الإدارية الابتدائية الاستئنافية العسكرية "
    "العسكري البلدي البلدية المحلي المحلية المتحدة الموحد الموحدة الجمهوري الجمهورية"
)

# A country's press, football or refereeing as a whole, never a body ("الصحافة الفرنسية", "الكرة الإماراتية").
PRESS_NOUNS: frozenset[str] = _f("الصحافة الإعلام الصحف الكرة الرياضة الصافرة التحكيم")
# People named by their bond to a body, never part of its name ("جماهير [الترجي]", "مشجعي [ليفربول]"); not
# "أنصار", which opens names ("أنصار الله").
PEOPLE_NOUNS: frozenset[str] = _f("جماهير الجماهير جمهور الجمهور مشجعي مشجعو عشاق أسطورة قضايا معلمو مستهلكو "
                                  "طالبو لاعبو لاعبي")

# Definite heads that a nationality adjective alone turns into an institution ("الشرطة المصرية",
# "المنتخب المغربي"); "الشركة الأمريكية" stays an anaphoric description.
# a state broadcaster is named by its nationality: "التلفزيون الإيطالي" (rules.chain_end checks the agreement)
BROADCASTERS: frozenset[str] = _f("التلفزيون التلفزة الإذاعة")
NAT_OK_HEADS: frozenset[str] = NATIONAL_HEADS | BROADCASTERS | _f(
    "المنتخب السفارة القنصلية البرلمان الكونغرس الوفد البعثة الديوان الأمن الدرك الحرس المخابرات "
    "القضاء النيابة الحكومة الجيش البحرية الرئاسة الإدارة السلطات"
)

# Pan-regional adjectives name an organisation even after a definite generic head ("البنك العربي").
REGIONAL_ADJ: frozenset[str] = _f(
    "العربي العربية الإسلامي الإسلامية الإفريقي الإفريقية الأفريقي الأفريقية الأوروبي الأوروبية المغاربي "
    "المغاربية الخليجي الخليجية الدولي الدولية العالمي العالمية الأممي الأممية"
)
