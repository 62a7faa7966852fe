"""Africa: sub-national regions and non-capital cities (hand-written, public geographic knowledge)."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

# --- Nigeria --------------------------------------------------------------------
PLACES["NGA"] = [
    "Lagos", "Kano", "Ibadan", "Port Harcourt", "Benin City", "Kaduna", "Maiduguri",
    "Jos", "Enugu", "Onitsha", "Owerri", "Calabar", "Uyo", "Warri", "Sokoto",
    "Zaria", "Ilorin", "Abeokuta", "Akure", "Ado-Ekiti", "Osogbo", "Yola", "Bauchi",
    "Gombe", "Damaturu", "Makurdi", "Lafia", "Lokoja", "Minna", "Katsina", "Gusau",
    "Birnin Kebbi", "Dutse", "Jalingo", "Asaba", "Yenagoa", "Awka", "Abakaliki",
    "Umuahia", "Ikeja", "Lekki", "Ikorodu", "Nsukka", "Gwoza", "Chibok",
    "Monguno", "Dikwa", "Damboa", "Konduga", "Baga",
    "Borno", "Yobe", "Adamawa", "Zamfara", "Katsina State", "Kebbi", "Niger State",
    "Kwara", "Kogi", "Benue", "Plateau State", "Nasarawa", "Taraba", "Bauchi State",
    "Gombe State", "Jigawa", "Kano State", "Kaduna State", "Sokoto State",
    "Lagos State", "Ogun", "Oyo", "Osun", "Ondo", "Ekiti", "Edo", "Delta State",
    "Rivers State", "Bayelsa", "Akwa Ibom", "Cross River", "Anambra", "Imo State",
    "Abia", "Ebonyi", "Enugu State", "Niger Delta", "Southern Kaduna", "Middle Belt",
    "Ogoniland", "Biafra",
]
CUES["NGA"] = [
    "lga", "lgas", "naira", "pdp", "efcc", "nscdc",
    "ipob", "amotekun", "hisbah", "emir of kano", "civilian jtf",
    "nnpc", "inec", "ndlea", "dss operatives", "icpc",
]

# --- Kenya ----------------------------------------------------------------------
PLACES["KEN"] = [
    "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Thika", "Malindi", "Kitale", "Garissa",
    "Lamu", "Mandera", "Wajir", "Marsabit", "Isiolo", "Turkana", "Lodwar", "Kakamega",
    "Bungoma", "Kisii", "Kericho", "Nyeri", "Meru", "Embu", "Machakos",
    "Kiambu", "Kajiado", "Narok", "Naivasha", "Nanyuki", "Laikipia", "Baringo",
    "West Pokot", "Samburu", "Kilifi", "Kwale", "Tana River", "Migori", "Homa Bay",
    "Siaya", "Vihiga", "Bomet", "Kirinyaga", "Murang'a", "Muranga",
    "Nyandarua", "Makueni", "Kitui", "Taita Taveta", "Uasin Gishu", "Elgeyo Marakwet",
    "Trans Nzoia", "Tharaka Nithi", "Nyamira", "Dadaab", "Kakuma", "Kibera",
    "Mathare", "Eastleigh", "Westlands", "Rift Valley", "Mount Kenya", "Nyanza",
]
CUES["KEN"] = [
    "mca", "mcas", "ksh", "kes", "odm", "uda", "jubilee party",
    "kenya kwanza", "azimio", "ipoa", "iebc", "county commissioner", "eacc", "kdf", "ocpd", "nyumba kumi",

]

# --- Ethiopia, Eritrea, Somalia, Djibouti -------------------------------------------
PLACES["ETH"] = [
    "Tigray", "Amhara", "Oromia", "Afar Region", "Somali Region", "Benishangul-Gumuz",
    "Gambella", "Sidama", "SNNPR", "Harari Region", "Dire Dawa", "Mekelle", "Mekele",
    "Bahir Dar", "Gondar", "Dessie", "Adama", "Nazret", "Hawassa", "Awassa",
    "Jimma", "Harar", "Jijiga", "Adigrat", "Axum", "Aksum", "Humera",
    "Lalibela", "Debre Birhan", "Debre Markos", "Kombolcha", "Woldia",
    "Welkait", "Wolkait", "Metekel",
]
PLACES["ERI"] = ["Massawa", "Keren", "Assab", "Barentu", "Mendefera", "Tesseney"]
PLACES["SOM"] = [
    "Puntland", "Somaliland", "Jubaland", "Galmudug", "Hirshabelle", "South West State",
    "Hargeisa", "Berbera", "Bosaso", "Garowe", "Galkayo", "Kismayo", "Baidoa",
    "Beledweyne", "Jowhar", "Afgooye", "Marka", "Merca", "Barawe", "Dhusamareb",
    "Las Anod", "Laascaanood", "Burao", "Lower Shabelle", "Middle Shabelle",
    "Hiiraan", "Gedo", "Bay region", "Bakool", "Mudug", "Galgaduud", "Lower Juba",
    "Middle Juba", "Sool", "Sanaag",
]
PLACES["DJI"] = ["Tadjoura", "Obock", "Ali Sabieh", "Dikhil"]

# --- Sudan, South Sudan -------------------------------------------------------------
PLACES["SDN"] = [
    "Darfur", "North Darfur", "South Darfur", "West Darfur", "Central Darfur",
    "East Darfur", "El Fasher", "Al Fashir", "El Geneina", "Geneina", "Nyala",
    "Zalingei", "El Daein", "Kordofan", "North Kordofan", "South Kordofan",
    "West Kordofan", "El Obeid", "Kadugli", "Dilling", "Babanusa", "Omdurman",
    "Bahri", "Khartoum North", "Wad Madani", "Gezira", "Al Jazirah", "Sennar",
    "Kassala", "Gedaref", "Blue Nile", "Damazin", "Kosti", "White Nile", "Atbara",
    "Dongola", "River Nile State", "Red Sea State", "Abyei",
    "Zamzam", "Tawila", "Jebel Marra", "Mellit", "Kutum",
]
PLACES["SSD"] = [
    "Malakal", "Bor", "Wau", "Bentiu", "Rumbek", "Yei", "Torit", "Aweil", "Kuajok",
    "Yambio", "Pibor", "Upper Nile", "Unity State", "Jonglei",
    "Lakes State", "Warrap", "Equatoria", "Central Equatoria", "Western Equatoria",
    "Eastern Equatoria", "Bahr el Ghazal", "Renk", "Akobo",
]

# --- DR Congo, Congo, Rwanda, Burundi, Uganda, Tanzania ----------------------------
PLACES["COD"] = [
    "Goma", "Bukavu", "Bunia", "Beni", "Butembo", "Uvira", "Lubumbashi", "Kisangani",
    "Mbuji-Mayi", "Kananga", "Kolwezi", "Likasi", "Matadi", "Mbandaka", "Kikwit",
    "Kalemie", "Kindu", "Rutshuru", "Masisi", "Walikale", "Minova", "Kiwanja",
    "Bunagana", "Djugu", "Fizi", "Mwenga", "Kamituga", "Kivu", "North Kivu",
    "South Kivu", "Ituri", "Katanga", "Haut-Katanga", "Lualaba", "Kasai",
    "Kasai-Central", "Tanganyika Province", "Maniema", "Tshopo", "Equateur",
    "Kongo Central", "Bas-Congo", "Kwilu", "Mai-Ndombe", "Haut-Uele", "Bas-Uele",
]
PLACES["COG"] = ["Pointe-Noire", "Dolisie", "Nkayi", "Ouesso", "Pool region", "Owando"]
PLACES["RWA"] = ["Butare", "Huye", "Gisenyi", "Rubavu", "Musanze", "Ruhengeri",
                 "Rusizi", "Cyangugu", "Nyagatare", "Rwamagana", "Muhanga"]
PLACES["BDI"] = ["Ngozi", "Rumonge", "Muyinga", "Cibitoke", "Bubanza", "Kirundo", "Makamba"]
PLACES["UGA"] = [
    "Entebbe", "Gulu", "Mbarara", "Jinja", "Mbale", "Kasese", "Arua",
    "Fort Portal", "Masaka", "Soroti", "Hoima", "Moroto", "Kotido", "Kitgum",
    "Karamoja", "Acholi", "Buganda", "Busoga", "West Nile", "Mukono", "Wakiso",
    "Bundibugyo", "Kisoro", "Kabale", "Adjumani", "Bidibidi",
]
PLACES["TZA"] = [
    "Zanzibar", "Unguja", "Arusha", "Mwanza", "Mbeya", "Morogoro", "Tanga",
    "Moshi", "Kilimanjaro", "Mtwara", "Lindi", "Kigoma", "Tabora", "Iringa", "Songea",
    "Shinyanga", "Musoma", "Bukoba", "Singida", "Ngorongoro", "Loliondo",
]

# --- Sahel and West Africa ------------------------------------------------------------
PLACES["MLI"] = [
    "Timbuktu", "Tombouctou", "Gao", "Kidal", "Mopti", "Segou", "Ségou", "Sikasso",
    "Kayes", "Menaka", "Ménaka", "Tessalit", "Aguelhok", "Douentza", "Djenne", "Sevare",
    "Koulikoro", "Azawad", "Tinzaouaten", "Léré", "Niono", "Bandiagara",
]
PLACES["BFA"] = [
    "Bobo-Dioulasso", "Koudougou", "Ouahigouya", "Fada N'Gourma",
    "Fada N’Gourma", "Djibo", "Arbinda", "Barsalogho", "Dedougou", "Tenkodogo",
    "Gorom-Gorom", "Sahel Region", "Boucle du Mouhoun", "Centre-Nord", "Est Region",
    "Solenzo", "Diapaga", "Mansila",
]
PLACES["NER"] = [
    "Agadez", "Zinder", "Maradi", "Tahoua", "Diffa", "Dosso", "Tillaberi", "Tillabéri",
    "Arlit", "Ayorou", "Bosso", "Tillabery", "Tassara", "Tchintabaraden",
]
PLACES["TCD"] = [
    "Moundou", "Sarh", "Abeche", "Abéché", "Tibesti", "Faya-Largeau",
    "Adre", "Adré", "Ennedi", "Ouaddai", "Ouaddaï",
]
PLACES["CMR"] = [
    "Douala", "Bamenda", "Buea", "Garoua", "Maroua", "Bafoussam", "Ngaoundere",
    "Ngaoundéré", "Bertoua", "Kumba", "Kousseri", "Ambazonia",
    "Far North Region", "Anglophone regions",
]
PLACES["GHA"] = [
    "Kumasi", "Tamale", "Takoradi", "Sekondi-Takoradi", "Cape Coast", "Sunyani",
    "Koforidua", "Bolgatanga", "Tema", "Obuasi", "Bawku", "Ashanti",
    "Ashanti Region", "Volta Region", "Greater Accra",
]
PLACES["SEN"] = ["Touba", "Thies", "Thiès", "Saint-Louis", "Ziguinchor", "Casamance",
                 "Kaolack", "Mbour", "Tambacounda", "Kolda"]
PLACES["CIV"] = ["Bouake", "Bouaké", "Daloa", "San-Pedro", "Korhogo",
                 "Yopougon", "Abobo", "Cocody", "Gagnoa", "Duekoue", "Duékoué"]
PLACES["GIN"] = ["Nzerekore", "Nzérékoré", "Kankan", "Kindia", "Labe", "Labé", "Boke", "Boké"]
PLACES["SLE"] = ["Kenema", "Makeni", "Koidu"]
PLACES["LBR"] = ["Gbarnga", "Zwedru", "Nimba", "Ganta"]
PLACES["BEN"] = ["Parakou", "Djougou", "Abomey", "Natitingou", "Malanville"]
PLACES["TGO"] = ["Sokode", "Sokodé", "Dapaong", "Atakpame", "Kpalime"]
PLACES["MRT"] = ["Nouadhibou", "Zouerate", "Kiffa", "Bassikounou", "Mbera"]
PLACES["GMB"] = ["Serekunda", "Brikama", "Bakau", "Farafenni"]

# --- North Africa ---------------------------------------------------------------------
PLACES["EGY"] = [
    "Giza", "Luxor", "Aswan", "Port Said", "Suez", "Ismailia", "Sharm el-Sheikh",
    "Sharm El Sheikh", "Hurghada", "Mansoura", "Tanta", "Zagazig", "Asyut", "Assiut",
    "Minya", "Sohag", "Qena", "Faiyum", "Fayoum", "Beni Suef", "Damanhur",
    "Damietta", "Arish", "El Arish", "Al-Arish", "Sheikh Zuweid",
    "Sinai", "North Sinai", "South Sinai", "Upper Egypt", "Nile Delta", "Marsa Matrouh",
    "Kafr el-Sheikh", "Shubra", "Helwan",
]
PLACES["LBY"] = [
    "Benghazi", "Misrata", "Misurata", "Sirte", "Derna", "Tobruk", "Sabha", "Sebha",
    "Zawiya", "Zuwara", "Ajdabiya", "Bani Walid", "Tarhuna", "Gharyan",
    "Kufra", "Ubari", "Murzuq", "Zintan", "Brega", "Ras Lanuf", "Cyrenaica",
    "Tripolitania", "Fezzan",
]
PLACES["TUN"] = ["Sfax", "Sousse", "Kairouan", "Bizerte", "Gabes", "Gabès", "Gafsa",
                 "Sidi Bouzid", "Kasserine", "Ben Guerdane", "Djerba", "Monastir",
                 "Tataouine", "Medenine", "Zarzis", "Nabeul", "Hammamet"]
PLACES["DZA"] = ["Oran", "Annaba", "Blida", "Setif", "Sétif", "Batna",
                 "Tizi Ouzou", "Bejaia", "Béjaïa", "Kabylie", "Kabylia", "Ghardaia",
                 "Ouargla", "Tamanrasset", "Tlemcen", "Biskra", "Hassi Messaoud",
                 "In Amenas", "Tindouf"]
PLACES["MAR"] = ["Casablanca", "Marrakesh", "Marrakech", "Fez", "Fes", "Tangier",
                 "Tanger", "Agadir", "Meknes", "Oujda", "Kenitra", "Tetouan", "Nador",
                 "Al Hoceima", "Rif", "Laayoune", "Dakhla", "Essaouira",
                 ]

# --- Central and southern Africa ------------------------------------------------------
PLACES["CAF"] = ["Bambari", "Bria", "Berberati", "Bouar", "Bangassou", "Kaga-Bandoro",
                 "Bossangoa", "Ndele", "Birao", "Zemio", "Paoua"]
PLACES["ZAF"] = [
    "Johannesburg", "Durban", "Soweto", "Port Elizabeth", "Gqeberha",
    "Pietermaritzburg", "Polokwane", "Mbombela", "Nelspruit", "Kimberley", "Mahikeng",
    "Rustenburg", "Stellenbosch", "Sandton", "Tembisa", "Alexandra township",
    "Khayelitsha", "Mitchells Plain", "Umlazi", "Soshanguve", "Marikana", "Mthatha",
    "Gauteng", "KwaZulu-Natal", "Western Cape", "Eastern Cape", "Northern Cape",
    "Limpopo", "Mpumalanga", "North West province", "Zululand",
    "Ekurhuleni", "Tshwane", "eThekwini", "Nelson Mandela Bay",
]
CUES["ZAF"] = ["anc", "eff", "inkatha", "ifp",
               "mk party", "umkhonto we sizwe party"]
PLACES["ZWE"] = ["Bulawayo", "Mutare", "Gweru", "Masvingo", "Chitungwiza", "Kwekwe",
                 "Kadoma", "Victoria Falls", "Hwange", "Chinhoyi", "Marondera",
                 "Matabeleland", "Mashonaland", "Manicaland",
                 "Bindura", "Chiredzi"]
CUES["ZWE"] = ["zanu-pf", "zanu pf", "mdc", "zrp"]
PLACES["MOZ"] = ["Beira", "Nampula", "Cabo Delgado",
                 "Mocimboa da Praia", "Mocímboa da Praia", "Quelimane",
                 "Tete", "Chimoio", "Nacala", "Montepuez", "Macomia", "Niassa",
                 "Zambezia", "Sofala", "Inhambane", "Xai-Xai",
                 "Matola"]
PLACES["ZMB"] = ["Ndola", "Kitwe", "Kabwe", "Chingola", "Mufulira",
                 "Copperbelt", "Chipata", "Kasama", "Solwezi", "Mongu", "Luanshya"]
PLACES["MWI"] = ["Blantyre", "Mzuzu", "Zomba", "Mangochi", "Kasungu", "Karonga",
                 "Dedza", "Salima", "Nsanje", "Chikwawa"]
PLACES["AGO"] = ["Huambo", "Benguela", "Lobito", "Lubango", "Cabinda", "Malanje",
                 "Namibe", "Kuito", "Saurimo", "Dundo", "Lunda Norte",
                 "Lunda Sul", "Uige", "Soyo"]
PLACES["NAM"] = ["Walvis Bay", "Swakopmund", "Oshakati", "Rundu", "Katima Mulilo",
                 "Keetmanshoop", "Ondangwa", "Lüderitz", "Luderitz", "Caprivi"]
PLACES["BWA"] = ["Francistown", "Maun", "Kasane", "Serowe", "Selebi-Phikwe", "Lobatse",
                 "Okavango", "Molepolole"]
PLACES["MDG"] = ["Toamasina", "Tamatave", "Antsirabe", "Mahajanga", "Fianarantsoa",
                 "Toliara", "Tulear", "Antsiranana", "Diego Suarez", "Nosy Be"]
PLACES["SWZ"] = ["Manzini", "Matsapha", "Nhlangano", "Siteki"]
PLACES["LSO"] = ["Maputsoe", "Teyateyaneng", "Mafeteng", "Leribe"]
