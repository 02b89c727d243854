"""Arabic words that must not find each other, written by hand from knowledge of the language.

None of these lists is read from a lexicon: they are what a reader of Arabic knows, so that an
analysis built on a dictionary is tested against something it did not produce. Each line is
one longer word and the shorter real word it would turn into if a root letter were taken for
a clitic or a suffix; the pair goes into the set in both directions.
"""

from __future__ import annotations

from bench.pairs.tables import word_pairs

CLITIC_LETTER_LOOKALIKES = word_pairs(
    """
    وزير زير
    وطن طن
    ورد رد
    وعد عد
    وجد جد
    وحدة حدة
    وجبة جبة
    وسام سام
    وحي حي
    وقود قود
    ورق رق
    وصف صف
    ورشة رشة
    وردة ردة
    وكيل كيل
    وقار قار
    وزر زر
    وحل حل
    وتين تين
    وبر بر
    وجار جار
    وسن سن
    وشم شم
    وضوء ضوء
    وقفة قفة
    وجهة جهة
    ورث رث
    فريق ريق
    فكرة كرة
    فساد ساد
    فشل شل
    فهد هد
    فرن رن
    فخر خر
    فلاح لاح
    فرقة رقة
    فقرة قرة
    فرد رد
    فراق راق
    فخامة خامة
    فداء داء
    فضل ضل
    فجر جر
    فكر كر
    فرض رض
    فطور طور
    فقر قر
    فرص رص
    بنية نية
    بحر حر
    برد رد
    بحث حث
    باب أب
    بدل دل
    برق رق
    بطل طل
    بطن طن
    بحار حار
    برج رج
    بشر شر
    بسمة سمة
    بريق ريق
    بدر در
    بحيرة حيرة
    بغل غل
    بند ند
    بطاقة طاقة
    بأس أس
    بركة ركة
    برهان رهان
    بعث عث
    بخار خار
    لجنة جنة
    لبنان بنان
    لحم حم
    لمس مس
    لحن حن
    لغم غم
    لقمة قمة
    لحية حية
    لبن بن
    لفظ فظ
    لجام جام
    لحاف حاف
    لقطة قطة
    لحد حد
    لجين جين
    لياقة ياقة
    لسعة سعة
    لبنة بنة
    كتاب تاب
    كبار بار
    كمال مال
    كلام لام
    كسر سر
    كفاح فاح
    كلب لب
    كفن فن
    كسب سب
    كتلة تلة
    كيد يد
    كرب رب
    كحل حل
    كمد مد
    كساد ساد
    كفر فر
    كرز رز
    كسل سل
    كرش رش
    كفيل فيل
    كلية لية
    """
)
"""The first letter (و ف ب ل ك) is a root letter of the long word: وزير is a minister, not و + زير."""

ARTICLE_LOOKALIKES = word_pairs(
    """
    التقى تقى
    إلهام هام
    التماس تماس
    ألعاب عاب
    التهاب تهاب
    """
)
"""The word starts with the letters of ال but they are its own: إلهام is not ال + هام."""

SUFFIX_LOOKALIKES = word_pairs(
    """
    سليمان سليم
    طهران طهر
    لبنان لبن
    بوتين بوت
    بركان برك
    زيتون زيت
    مدينة مدين
    سودان سود
    عمان عم
    أمان أم
    تمرين تمر
    مسكين مسك
    سمين سم
    حزين حز
    رزين رز
    عربون عرب
    فرعون فرع
    شركة شرك
    عملة عمل
    جملة جمل
    حملة حمل
    مرة مر
    عادة عاد
    مكتبة مكتب
    جريدة جريد
    سنة سن
    مدة مد
    عدة عد
    خزانة خزان
    ثورة ثور
    دورة دور
    صفحة صفح
    """
)
"""The end of the long word (ان ين ون ة) is part of the word, not a dual, plural or feminine:
طهران is not طهر + ان, شركة (company) is not the feminine of شرك."""

DISTINCT_NAMES = word_pairs(
    """
    سميرة سمير
    عدنان عدن
    حمدان حمد
    أمينة أمين
    كريمة كريم
    جميلة جميل
    نبيلة نبيل
    فريدة فريد
    سعيدة سعيد
    حميدة حميد
    رشيدة رشيد
    لطيفة لطيف
    عزيزة عزيز
    شريفة شريف
    نعيمة نعيم
    حليمة حليم
    زيدان زيد
    عمران عمر
    فرحان فرح
    نعمان نعم
    قحطان قحط
    حمدي حمد
    فوزي فوز
    شكري شكر
    صبري صبر
    مجدي مجد
    فتحي فتح
    لطفي لطف
    رمزي رمز
    حلمي حلم
    """
)
"""A man's and a woman's name, or a name and the word it was made from: different people."""

STOPWORD_LOOKALIKES = word_pairs(
    """
    علي على
    علي عليه
    علي عليها
    علي عليهم
    """
)
"""علي (Ali) is a name; على (on) and its pronoun forms are a preposition."""

NOT_SPELLINGS = word_pairs(
    """
    حكومة هجمة
    حرب هرب
    قلب كلب
    سيف صيف
    تين طين
    نظر نذر
    سبر صبر
    سد صد
    حال هال
    تاب طاب
    عمل أمل
    علم ألم
    دار ضار
    سورة صورة
    سفر صفر
    قدر كدر
    تلة طلة
    سحب صحب
    ظل ضل
    تمر طمر
    ثورة سورة
    قمر عمر
    سجن شجن
    """
)
"""Two common words a letter apart, where that letter is no variant spelling: one sound each,
written with two different letters. A transliteration that maps both to one Latin letter must
not make them one word."""
