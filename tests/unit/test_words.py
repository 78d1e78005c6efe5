"""Word counts and reading times in scripts with and without spaces between words."""
from generator.metadata import reading_time, word_count

THAI = "รัฐบาลไทยประกาศเมื่อวันจันทร์ว่าจะลงทุนสองหมื่นล้านบาทเพื่อขยายท่าเรือแหลมฉบัง"  # one run, no spaces


def test_spaced_scripts_count_their_words():
    assert word_count(["Iran’s al-Nashoua said: no.", "Two words"]) == 6
    # Korean separates words with spaces: seven words, not its 21 syllables / 1.5
    assert word_count(["대통령은 월요일 새로운 항구 확장 계획을 발표했다."]) == 7
    assert word_count(["Владимир сказал, что порт откроется в понедельник."]) == 7


def test_chinese_and_japanese_count_characters_per_word():
    assert word_count(["北京今天宣布新的经济政策"]) == 8  # 12 characters, 1.5 a word
    assert word_count(["政府は月曜日に発表した"]) == 7  # 11 kanji and kana
    # an English name in a Chinese sentence counts as one word besides the characters
    assert word_count(["王明说Reuters报道了"]) == round(6 / 1.5) + 1


def test_thai_counts_letters_per_word_not_spaces():
    letters = sum(1 for c in THAI if c not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c")
    assert word_count([THAI]) == round(letters / 3)
    assert word_count([THAI]) > 15  # one unspaced sentence of a real article: not "1 word"
    assert word_count([THAI + " " + THAI]) == round(2 * letters / 3)  # the space adds no word


def test_reading_time_rounds_up_to_whole_minutes():
    assert reading_time(0) == 1 and reading_time(230) == 1 and reading_time(231) == 2
    assert reading_time(word_count(["北京今天宣布新的经济政策" * 50])) == 2  # 600 characters


def test_count_words_of_one_line_for_other_stages():
    from generator.words import count_words

    assert count_words("北京今天宣布新的经济政策") == 8 and count_words("Port workers strike") == 3
    assert count_words("รัฐบาลไทยประกาศ") == 5  # 15 letters, no spaces: not "1 word"
