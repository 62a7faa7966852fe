"""East Asia (hand-written, public geographic knowledge).  Hong Kong (HKG), Macau and
Taiwan (TWN) are not listed under China."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

PLACES["CHN"] = [
    "Shanghai", "Guangzhou", "Shenzhen", "Tianjin", "Chongqing", "Chengdu",
    "Wuhan", "Xi'an", "Xian", "Nanjing", "Hangzhou", "Suzhou", "Qingdao", "Dalian",
    "Shenyang", "Harbin", "Changchun", "Zhengzhou", "Changsha", "Kunming", "Nanning",
    "Guiyang", "Fuzhou", "Xiamen", "Hefei", "Nanchang", "Jinan", "Taiyuan",
    "Shijiazhuang", "Lanzhou", "Xining", "Yinchuan", "Hohhot", "Urumqi", "Ürümqi",
    "Lhasa", "Haikou", "Dongguan", "Foshan", "Zhuhai", "Ningbo", "Wenzhou",
    "Yiwu", "Kashgar", "Hotan", "Yining", "Ghulja", "Turpan",
    "Shigatse", "Ruili", "Dandong", "Yanbian", "Xiong'an", "Zhongshan", "Huizhou",
    "Xinjiang", "Tibet", "Tibet Autonomous Region", "Inner Mongolia", "Ningxia",
    "Guangxi", "Guangdong", "Fujian", "Zhejiang", "Jiangsu", "Shandong", "Hebei",
    "Henan", "Hubei", "Hunan", "Jiangxi", "Anhui", "Shanxi", "Shaanxi", "Sichuan",
    "Yunnan", "Guizhou", "Hainan", "Gansu", "Qinghai", "Heilongjiang", "Jilin",
    "Liaoning", "Manchuria",
]
CUES["CHN"] = [ "renminbi",
               ]
PLACES["TWN"] = ["Kaohsiung", "Taichung", "Tainan", "Taoyuan", "Hsinchu", "Keelung",
                 "New Taipei", "Hualien", "Taitung", "Kinmen", "Penghu",
                 "Pingtung", "Yilan", "Chiayi"]
CUES["TWN"] = ["legislative yuan", "executive yuan", "kuomintang", "kmt",
               ]
PLACES["JPN"] = [
    "Osaka", "Kyoto", "Yokohama", "Nagoya", "Sapporo", "Kobe", "Fukuoka", "Kawasaki",
    "Hiroshima", "Nagasaki", "Sendai", "Okinawa", "Naha", "Fukushima", "Hokkaido",
    "Kyushu", "Shikoku", "Honshu", "Saitama", "Kanagawa", "Niigata",
    "Kagoshima", "Kumamoto", "Yokosuka", "Iwakuni", "Misawa", "Ishikawa",
    "Noto Peninsula", "Miyagi", "Iwate", "Aomori", "Shizuoka", "Hyogo", "Okayama",
    "Yonaguni", "Senkaku Islands", "Senkakus", "Futenma", "Henoko",
    "Kadena",
]
CUES["JPN"] = [ "ldp", "komeito", "self-defense forces"]
PLACES["KOR"] = ["Busan", "Pusan", "Incheon", "Daegu", "Daejeon", "Gwangju", "Ulsan",
                 "Suwon", "Jeju", "Pohang", "Changwon", "Gyeonggi",
                 "Gangwon", "Pyeongtaek", "Itaewon", "Gangnam", "Panmunjom", "Seongju",
                 "Yeonpyeong", "Chuncheon", "Gimpo"]
CUES["KOR"] = [ "people power party",
               ]
PLACES["PRK"] = ["Kaesong", "Sinuiju", "Wonsan", "Hamhung", "Chongjin", "Rason",
                 "Nampo", "Yongbyon", "Punggye-ri", "Sohae", "Tongchang-ri"]
PLACES["MNG"] = ["Erdenet", "Darkhan", "Choibalsan"]
