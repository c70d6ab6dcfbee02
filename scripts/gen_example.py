#!/usr/bin/env python3
"""Generates vigil's bundled example (data/examples/):

  wanted_persons.ftm.json  a wanted-persons list of the kind governments
                           exchange: fictional people (invented for vigil),
                           FollowTheMoney JSON lines, dataset "wanted_persons"
  applicants.csv           investor-visa applicants: ordinary people across
                           nationalities, with listed persons hidden among them
                           (other script, other romanization, reversed order,
                           birth year only, typos, dropped middle names) and
                           hard negatives (a listed person's name, another
                           birth year and nationality)
  expected.tsv             the answer key for the test: which applicant is
                           which listed entity (not read by vigil)

Deterministic: a fixed seed, standard library only. Re-run after editing:
    /usr/bin/python3 scripts/gen_example.py
"""
import csv
import json
import os
import random

SEED = 20240601
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "examples")

# Fictional wanted persons. Fields: id, name (original script), aliases
# (romanizations), birth date, gender, nationality, position, alleged offence.
WANTED = [
    ("wp-001", "陈志强", ["Chen Zhiqiang"], "1968-03-14", "male", "cn",
     "Former deputy director, provincial land resources bureau", "Embezzlement of public funds"),
    ("wp-002", "李建华", ["Li Jianhua"], "1972-11-02", "male", "cn",
     "Former chairman, municipal construction investment company", "Bribery; abuse of office"),
    ("wp-003", "王海涛", ["Wang Haitao"], "1965-07-21", "male", "cn",
     "Former general manager, state grain reserve depot", "Embezzlement; forgery of accounts"),
    ("wp-004", "张国栋", ["Zhang Guodong"], "1959-01-30", "male", "cn",
     "Former vice mayor", "Accepting bribes"),
    ("wp-005", "刘振宇", ["Liu Zhenyu"], "1970-05-09", "male", "cn",
     "Former director, city housing fund centre", "Misappropriation of housing funds"),
    ("wp-006", "黄伟民", ["Huang Weimin"], "1963-09-17", "male", "cn",
     "Former finance chief, provincial power company", "Embezzlement; money laundering"),
    ("wp-007", "周文斌", ["Zhou Wenbin"], "1975-02-28", "male", "cn",
     "Former branch president, rural commercial bank", "Illegal lending; bribery"),
    ("wp-008", "吴建国", ["Wu Jianguo"], "1961-12-05", "male", "cn",
     "Former county party secretary", "Accepting bribes"),
    ("wp-009", "徐立新", ["Xu Lixin"], "1977-06-11", "male", "cn",
     "Former head, customs inspection office", "Smuggling; bribery"),
    ("wp-010", "孙德胜", ["Sun Desheng"], "1966-10-23", "male", "cn",
     "Former chairman, coal mining group", "Embezzlement"),
    ("wp-011", "胡春生", ["Hu Chunsheng"], "1973-04-02", "male", "cn",
     "Former deputy head, provincial transport department", "Bid rigging; bribery"),
    ("wp-012", "朱宏伟", ["Zhu Hongwei"], "1969-08-19", "male", "cn",
     "Former director, development zone administration", "Abuse of office"),
    ("wp-013", "高明远", ["Gao Mingyuan"], "1958-03-03", "male", "cn",
     "Former president, provincial trust company", "Fraud; illegal fund-raising"),
    ("wp-014", "林志豪", ["Lin Zhihao"], "1976-01-15", "male", "cn",
     "Former chairman, private investment fund", "Illegal fund-raising"),
    ("wp-015", "郭永福", ["Guo Yongfu"], "1964-11-27", "male", "cn",
     "Former director, municipal water authority", "Bribery"),
    ("wp-016", "何家辉", ["He Jiahui"], "1971-07-07", "male", "cn",
     "Former manager, securities brokerage branch", "Market manipulation"),
    ("wp-017", "罗振华", ["Luo Zhenhua"], "1962-02-14", "male", "cn",
     "Former deputy director, land reserve centre", "Embezzlement"),
    ("wp-018", "梁秀英", ["Liang Xiuying"], "1967-05-30", "female", "cn",
     "Former chief accountant, state logistics company", "Embezzlement; false accounting"),
    ("wp-019", "谢美玲", ["Xie Meiling"], "1974-09-08", "female", "cn",
     "Former sales director, pharmaceutical company", "Commercial bribery"),
    ("wp-020", "宋丽华", ["Song Lihua"], "1969-12-12", "female", "cn",
     "Former head, county social insurance bureau", "Misappropriation of pension funds"),
    ("wp-021", "郑国强", ["Zheng Guoqiang"], "1960-06-06", "male", "cn",
     "Former chairman, port holding company", "Bribery; abuse of office"),
    ("wp-022", "韩振东", ["Han Zhendong"], "1978-03-21", "male", "cn",
     "Former director, online lending platform", "Illegal fund-raising"),
    ("wp-023", "曹建平", ["Cao Jianping"], "1963-08-01", "male", "cn",
     "Former procurement chief, provincial hospital", "Bribery"),
    ("wp-024", "许志明", ["Xu Zhiming"], "1970-10-10", "male", "cn",
     "Former president, city commercial bank", "Illegal lending"),
    ("wp-025", "邓文华", ["Deng Wenhua"], "1966-04-18", "male", "cn",
     "Former deputy director, tax bureau", "Tax fraud; bribery"),
    ("wp-026", "冯德明", ["Feng Deming"], "1957-11-11", "male", "cn",
     "Former chairman, chemical industry group", "Embezzlement"),
    ("wp-027", "蒋卫东", ["Jiang Weidong"], "1968-07-25", "male", "cn",
     "Former vice president, provincial university", "Embezzlement of research funds"),
    ("wp-028", "钱永红", ["Qian Yonghong"], "1972-01-09", "female", "cn",
     "Former finance director, real estate developer", "Fraud"),
    ("wp-029", "杨宝山", ["Yang Baoshan"], "1961-05-16", "male", "cn",
     "Former chairman, rural credit cooperative", "Illegal lending; embezzlement"),
    ("wp-030", "马立军", ["Ma Lijun"], "1975-09-29", "male", "cn",
     "Former head, state assets supervision office", "Abuse of office"),
    ("wp-031", "Сергей Петрович Волков", ["Sergei Petrovich Volkov"], "1971-04-12", "male", "ru",
     "Former deputy head, regional road agency", "Fraud on a large scale"),
    ("wp-032", "Дмитрий Алексеевич Кузнецов", ["Dmitry Alekseyevich Kuznetsov"], "1966-08-30",
     "male", "ru", "Former director, municipal unitary enterprise", "Embezzlement"),
    ("wp-033", "Igor Viktorovich Morozov", [], "1974-02-17", "male", "ru",
     "Former chairman, regional savings bank", "Money laundering"),
    ("wp-034", "Елена Сергеевна Орлова", ["Elena Sergeyevna Orlova"], "1979-12-03", "female",
     "ru", "Former procurement officer, defence supplier", "Bribery"),
    ("wp-035", "خالد عبد الله الحربي", ["Khalid Abdullah Al-Harbi"], "1969-03-25", "male", "sa",
     "Former manager, construction contractor", "Fraud; money laundering"),
    ("wp-036", "يوسف إبراهيم النجار", ["Yousef Ibrahim Al-Najjar"], "1973-10-14", "male", "jo",
     "Former director, import company", "Customs fraud"),
    ("wp-037", "Omar Hassan Al-Zein", [], "1965-06-20", "male", "lb",
     "Former official, port authority", "Smuggling; bribery"),
    ("wp-038", "Park Min-su", [], "1970-11-19", "male", "kr",
     "Former executive, shipbuilding company", "Breach of trust"),
    ("wp-039", "김영호", ["Kim Young-ho"], "1967-04-04", "male", "kr",
     "Former president, savings bank", "Fraud; illegal lending"),
    ("wp-040", "Marco Bellini", [], "1962-09-09", "male", "it",
     "Former director, waste management consortium", "Bid rigging"),
    ("wp-041", "Pieter van der Berg", [], "1976-05-05", "male", "nl",
     "Former trader, commodities firm", "Fraud; sanctions evasion"),
]

# Listed persons hidden among the applicants: (entity ids in any of which the
# applicant may be found, name as the applicant wrote it, birth date as given,
# nationality, disguise, script of the written name).
PLANTED = [
    ("wp-001", "CHAN Chi Keung", "1968", "hk", "cantonese, birth year only", "latin"),
    ("wp-002", "Chien-hua Li", "1972-11-02", "tw", "wade-giles, reversed order", "latin"),
    ("wp-003", "王海濤", "1965-07-21", "cn", "traditional characters", "han"),
    ("wp-004", "Chang Kuo-tung", "1959", "tw", "wade-giles, birth year only", "latin"),
    ("wp-006", "WONG Wai Man", "1963-09-17", "hk", "cantonese", "latin"),
    ("wp-007", "Zhou Wenbing", "1975-02-28", "cn", "typo", "latin"),
    ("wp-014", "Lim Chi Ho", "1976", "sg", "hokkien, birth year only", "latin"),
    ("wp-016", "HO Ka Fai", "1971-07-07", "hk", "cantonese", "latin"),
    ("wp-018", "Leung Sau Ying", "1967", "hk", "cantonese, birth year only", "latin"),
    ("wp-021", "GUOQIANG ZHENG", "1960-06-06", "cn", "reversed order", "latin"),
    ("wp-026", "Feng Te-ming", "1957-11-11", "tw", "wade-giles", "latin"),
    ("wp-027", "Chiang Wei-tung", "1968", "tw", "wade-giles, birth year only", "latin"),
    ("wp-030", "马立军", "1975", "cn", "chinese characters, birth year only", "han"),
    ("wp-031", "Sergey Volkov", "1971-04-12", "ru", "other transliteration, no patronymic",
     "latin"),
    ("wp-032", "Dmitriy Kuznetsov", "1966", "ru", "other transliteration, no patronymic",
     "latin"),
    ("wp-033", "Морозов Игорь Викторович", "1974-02-17", "ru", "cyrillic, family name first",
     "cyrillic"),
    ("wp-035", "Khaled Abdallah Alharbi", "1969-03-25", "sa", "other romanization", "latin"),
    ("wp-037", "عمر حسن الزين", "1965", "lb", "arabic script", "arabic"),
    ("wp-038", "박민수", "1970-11-19", "kr", "hangul", "hangul"),
    ("wp-039", "Gim Yeong-ho", "1967-04-04", "kr", "revised romanization", "latin"),
    ("wp-040", "Marko Belini", "1962", "it", "typos, birth year only", "latin"),
    # Real listed people (bundled OFAC SDN and UN lists), disguised.
    ("ofac-35096", "Владимир Путин", "1952-10-07", "ru", "cyrillic, no patronymic",
     "cyrillic"),
    ("unsc-111923;ofac-2676", "Ayman al-Zawahiri", "1951", "eg",
     "other romanization, dropped middle names, birth year only", "latin"),
    ("unsc-6908072;ofac-7867", "Tarek Aziz", "1936", "iq", "other romanization, birth year only",
     "latin"),
]

# Same name as a listed person, another birth year and nationality.
HARD_NEGATIVES = [
    ("Chen Zhiqiang", "1991-05-02", "sg", "wp-001"),
    ("Wang Haitao", "1986-02-11", "us", "wp-003"),
    ("Sergei Volkov", "1995-07-30", "de", "wp-031"),
    ("Kim Young-ho", "1990-10-01", "us", "wp-039"),
    ("Marco Bellini", "1988-03-12", "ch", "wp-040"),
]

# Ordinary applicants: common given and family names by nationality.
POOLS = {
    "cn": (["Wei", "Fang", "Min", "Jing", "Lei", "Yan", "Jun", "Hui", "Ping", "Xin", "Yu",
            "Tao", "Ying", "Hao", "Li Na", "Xiaoyan", "Zhiwei", "Jianjun", "Haiyan", "Yifan"],
           ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu",
            "Sun", "Hu", "Zhu", "Gao", "Lin", "He", "Guo", "Ma", "Luo"]),
    "hk": (["Ka Wai", "Siu Ming", "Wing Yan", "Chi Wai", "Mei Ling", "Kwok Wing", "Hoi Yan"],
           ["Chan", "Wong", "Lee", "Cheung", "Lau", "Ng", "Ho", "Leung", "Tsang", "Yip"]),
    "ru": (["Alexander", "Maxim", "Ivan", "Artem", "Natalia", "Olga", "Anna", "Mikhail",
            "Tatiana", "Pavel"],
           ["Ivanov", "Smirnov", "Popov", "Sokolov", "Lebedev", "Novikov", "Fedorov",
            "Pavlov", "Semenov", "Golubev"]),
    "ae": (["Ahmed", "Fatima", "Omar", "Layla", "Hassan", "Mariam", "Yousef", "Noura"],
           ["Al Mansouri", "Al Nuaimi", "Al Suwaidi", "Al Marzouqi", "Al Hashemi",
            "Al Falasi"]),
    "kr": (["Ji-woo", "Seo-yeon", "Min-jun", "Ha-eun", "Do-yoon", "Su-bin", "Jae-won"],
           ["Kim", "Lee", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang"]),
    "in": (["Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Neha", "Arjun", "Kavya"],
           ["Sharma", "Patel", "Reddy", "Nair", "Gupta", "Iyer", "Singh", "Mehta"]),
    "gb": (["Oliver", "Amelia", "George", "Isla", "Harry", "Emily", "Jack", "Sophie"],
           ["Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts"]),
    "us": (["James", "Mary", "Michael", "Jennifer", "David", "Linda", "Daniel", "Sarah"],
           ["Johnson", "Williams", "Miller", "Davis", "Garcia", "Martinez", "Anderson",
            "Clark"]),
    "br": (["Lucas", "Gabriela", "Mateus", "Beatriz", "Rafael", "Juliana"],
           ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Almeida"]),
    "ng": (["Chinedu", "Ngozi", "Emeka", "Funmilayo", "Tunde", "Aisha"],
           ["Okafor", "Adeyemi", "Eze", "Balogun", "Okonkwo", "Ibrahim"]),
    "vn": (["Anh", "Linh", "Minh", "Thao", "Duc", "Huong"],
           ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu"]),
    "de": (["Lukas", "Hannah", "Felix", "Lea", "Jonas", "Mia"],
           ["Mueller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker"]),
}
FEMALE = {"Fang", "Jing", "Yan", "Hui", "Ying", "Li Na", "Xiaoyan", "Haiyan", "Wing Yan",
          "Mei Ling", "Hoi Yan", "Natalia", "Olga", "Anna", "Tatiana", "Fatima", "Layla",
          "Mariam", "Noura", "Seo-yeon", "Ha-eun", "Su-bin", "Priya", "Ananya", "Neha",
          "Kavya", "Amelia", "Isla", "Emily", "Sophie", "Mary", "Jennifer", "Linda", "Sarah",
          "Gabriela", "Beatriz", "Juliana", "Ngozi", "Funmilayo", "Aisha", "Linh", "Thao",
          "Huong", "Hannah", "Lea", "Mia"}
CITIES = {"cn": ["Shanghai", "Beijing", "Shenzhen", "Chengdu", "Wuhan"],
          "hk": ["Hong Kong"], "ru": ["Moscow", "Saint Petersburg", "Kazan"],
          "ae": ["Dubai", "Abu Dhabi"], "kr": ["Seoul", "Busan"], "in": ["Mumbai", "Delhi"],
          "gb": ["London", "Manchester"], "us": ["New York", "Chicago", "Houston"],
          "br": ["Sao Paulo", "Rio de Janeiro"], "ng": ["Lagos", "Abuja"],
          "vn": ["Hanoi", "Ho Chi Minh City"], "de": ["Berlin", "Munich"]}

N_ORDINARY = 300


def wanted_entities():
    for wid, name, aliases, dob, gender, nat, position, offence in WANTED:
        yield {
            "id": wid,
            "schema": "Person",
            "datasets": ["wanted_persons"],
            "properties": {
                "name": [name],
                **({"alias": aliases} if aliases else {}),
                "birthDate": [dob],
                "gender": [gender],
                "nationality": [nat],
                "position": [position],
                "notes": [offence],
                "topics": ["wanted", "crime.fin"],
            },
        }


def main():
    rng = random.Random(SEED)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "wanted_persons.ftm.json"), "w", encoding="utf-8") as f:
        for e in wanted_entities():
            f.write(json.dumps(e, ensure_ascii=False) + "\n")

    rows = []  # (full_name, dob, gender, nationality, place, expected ids, disguise, script)
    nats = sorted(POOLS)
    for _ in range(N_ORDINARY):
        nat = rng.choice(nats)
        given, family = POOLS[nat]
        g = rng.choice(given)
        fam = rng.choice(family)
        east_asian_order = nat in ("cn", "kr", "vn") and rng.random() < 0.5
        name = f"{fam} {g}" if east_asian_order else f"{g} {fam}"
        year = rng.randrange(1950, 2000)
        dob = f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        if rng.random() < 0.15:
            dob = str(year)
        gender = "female" if g in FEMALE else "male"
        rows.append((name, dob, gender, nat, rng.choice(CITIES[nat]), "", "", ""))
    wanted_gender = {w[0]: w[4] for w in WANTED}
    for ids, name, dob, nat, disguise, script in PLANTED:
        gender = wanted_gender.get(ids.split(";")[0], "male")
        rows.append((name, dob, gender, nat, "", ids, disguise, script))
    for name, dob, nat, like in HARD_NEGATIVES:
        rows.append((name, dob, wanted_gender[like], nat, "", "-", "hard negative of " + like,
                     "latin"))
    rng.shuffle(rows)

    with open(os.path.join(OUT, "applicants.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "full_name", "date_of_birth", "gender", "nationality",
                    "place_of_birth"])
        for i, r in enumerate(rows, 1):
            w.writerow([f"A{i:04d}", r[0], r[1], r[2], r[3], r[4]])
    with open(os.path.join(OUT, "expected.tsv"), "w", encoding="utf-8", newline="") as f:
        f.write("# applicant\tlisted entity ids (';' = any of; '-' = none)\tscript\t"
                "disguise\tname as written\n")
        for i, r in enumerate(rows, 1):
            if r[5]:
                f.write(f"A{i:04d}\t{r[5]}\t{r[7]}\t{r[6]}\t{r[0]}\n")


if __name__ == "__main__":
    main()
