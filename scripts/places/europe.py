"""Europe and Russia (hand-written, public geographic knowledge)."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

PLACES["UKR"] = [
    "Kharkiv", "Kharkov", "Odesa", "Odessa", "Dnipro", "Dnipropetrovsk", "Donetsk",
    "Luhansk", "Lugansk", "Mariupol", "Bakhmut", "Artemivsk", "Zaporizhzhia",
    "Zaporizhia", "Zaporozhye", "Kherson", "Crimea", "Sevastopol", "Simferopol",
    "Kerch", "Lviv", "Lvov", "Mykolaiv", "Nikolaev", "Chernihiv", "Sumy", "Poltava",
    "Kramatorsk", "Sloviansk", "Slovyansk", "Avdiivka", "Pokrovsk", "Chasiv Yar",
    "Toretsk", "Kostiantynivka", "Vuhledar", "Horlivka", "Makiivka",
    "Severodonetsk", "Sievierodonetsk", "Lysychansk", "Kupiansk", "Izium", "Izyum",
    "Kreminna", "Vovchansk", "Robotyne", "Orikhiv", "Huliaipole",
    "Enerhodar", "Nova Kakhovka", "Kakhovka", "Melitopol", "Berdiansk", "Berdyansk",
    "Tokmak", "Nikopol", "Kryvyi Rih", "Kremenchuk", "Vinnytsia", "Zhytomyr",
    "Rivne", "Lutsk", "Ternopil", "Ivano-Frankivsk", "Uzhhorod", "Chernivtsi",
    "Khmelnytskyi", "Cherkasy", "Kropyvnytskyi", "Irpin", "Bucha", "Hostomel",
    "Borodianka", "Brovary", "Bila Tserkva", "Snake Island", "Donbas", "Donbass",
    "Transcarpathia", "Zakarpattia", "Chernobyl", "Chornobyl",
]
CUES["UKR"] = ["verkhovna rada", "hryvnia", "hryvnias", "sbu", "zsu"]
PLACES["RUS"] = [
    "St Petersburg", "St. Petersburg", "Saint Petersburg", "Leningrad",
    "Novosibirsk", "Yekaterinburg", "Kazan", "Nizhny Novgorod", "Chelyabinsk",
    "Samara", "Omsk", "Rostov-on-Don", "Ufa", "Krasnoyarsk", "Voronezh",
    "Volgograd", "Stalingrad", "Krasnodar", "Saratov", "Tyumen", "Irkutsk",
    "Khabarovsk", "Vladivostok", "Yaroslavl", "Murmansk", "Arkhangelsk",
    "Kaliningrad", "Belgorod", "Kursk", "Bryansk", "Smolensk", "Pskov", "Tver",
    "Ryazan", "Kaluga", "Novorossiysk", "Sochi", "Taganrog", "Yeysk",
    "Grozny", "Makhachkala", "Nalchik", "Vladikavkaz", "Derbent",
    "Chechnya", "Dagestan", "Ingushetia", "North Ossetia", "Kabardino-Balkaria",
    "Tatarstan", "Bashkortostan", "Yakutia", "Sakha", "Buryatia", "Tuva",
    "Chukotka", "Kamchatka", "Sakhalin", "Siberia", "Urals", "Kuril Islands",
    "Kurils", "Novaya Zemlya", "Norilsk", "Vorkuta", "Yamal", "Severomorsk",
    "Kronstadt", "Bryansk region", "Belgorod region", "Kursk region", "Sudzha",
    "Shebekino", "Krasnodar Krai", "Primorsky Krai", "Kuban", "Stavropol",
    "Astrakhan", "Orenburg", "Petrozavodsk", "Karelia", "Tomsk", "Barnaul",
    "Kemerovo", "Kuzbass", "Ulan-Ude", "Magadan", "Lipetsk", "Tambov",
    "Penza", "Ulyanovsk", "Izhevsk", "Cheboksary",
]
CUES["RUS"] = ["state duma", "duma", "rubles", "roubles", "fsb", "rosgvardia",
               "federation council", "united russia"]
PLACES["BLR"] = ["Gomel", "Homel", "Mogilev", "Mahilyow", "Vitebsk", "Vitsebsk",
                 "Grodno", "Hrodna", "Baranovichi", "Bobruisk", "Pinsk"]
PLACES["MDA"] = ["Transnistria", "Tiraspol", "Balti", "Bălți", "Gagauzia", "Comrat",
                 "Tighina", "Cahul"]

PLACES["GBR"] = [
    "Manchester", "Birmingham",
    "Liverpool", "Leeds", "Sheffield", "Bristol", "Newcastle upon Tyne", "Nottingham",
    "Leicester", "Coventry", "Bradford", "Southampton", "Portsmouth", "Plymouth",
    "Brighton", "Oxford", "Glasgow", "Aberdeen", "Dundee", "Inverness",
    "Swansea", "Derry", "Londonderry", "Stoke-on-Trent", "Wolverhampton",
    "Sunderland", "Middlesbrough", "Norwich", "Exeter",
    "Luton", "Milton Keynes", "Rotherham", "Southport", "Huddersfield",
    "Blackpool", "Bolton", "Whitehall", "Downing Street",
    "Greater Manchester", "Merseyside", "Yorkshire", "Lancashire",
    "Surrey", "Sussex", "Cornwall", "Cumbria",
    "Northumberland", "Lincolnshire",
]
CUES["GBR"] = [ "nhs",
               "reform uk", "metropolitan police", "scotland yard", "council tax"]
PLACES["IRL"] = ["Limerick", "Galway", "Waterford", "Kilkenny", "Sligo", "Drogheda",
                 "Dundalk", "Donegal", "Wexford"]
PLACES["FRA"] = [
    "Marseille", "Marseilles", "Lyon", "Lyons", "Toulouse", "Bordeaux", "Lille",
    "Strasbourg", "Nantes", "Montpellier", "Rennes", "Grenoble", "Toulon",
    "Le Havre", "Saint-Etienne", "Dijon", "Reims", "Rouen", "Calais", "Dunkirk",
    "Cherbourg", "Brittany", "Normandy", "Provence", "Alsace", "Corsica", "Ajaccio",
    "Bastia", "Ile-de-France", "Île-de-France", "Occitanie", "Auvergne", "Burgundy",
    "Seine-Saint-Denis", "Nanterre", "Versailles", "Avignon",
    "Perpignan", "Bayonne", "Biarritz", "Mayotte", "Guadeloupe",
    "Martinique", "French Guiana", "New Caledonia", "Noumea", "Nouméa",
    "French Polynesia", "Tahiti", "Elysee", "Élysée", "Matignon",
]
PLACES["DEU"] = [
    "Hamburg", "Munich", "München", "Cologne", "Köln", "Frankfurt", "Stuttgart",
    "Düsseldorf", "Dusseldorf", "Dortmund", "Leipzig", "Bremen", "Dresden",
    "Hanover", "Hannover", "Nuremberg", "Duisburg", "Bochum", "Bonn", "Mannheim",
    "Karlsruhe", "Wiesbaden", "Mainz", "Magdeburg", "Erfurt", "Potsdam", "Rostock",
    "Kiel", "Chemnitz", "Solingen", "Hanau", "Ramstein", "Bavaria", "Bayern",
    "Saxony", "Thuringia", "Brandenburg", "Hesse", "North Rhine-Westphalia",
    "Baden-Württemberg", "Baden-Wurttemberg", "Lower Saxony", "Schleswig-Holstein",
    "Mecklenburg-Vorpommern", "Saxony-Anhalt", "Rhineland-Palatinate", "Saarland",

]
CUES["DEU"] = ["bundestag", "bundeswehr", "afd", "cdu", "csu", "spd", "bundesrat"]
PLACES["ITA"] = [
    "Milan", "Naples", "Turin", "Palermo", "Genoa", "Bologna", "Florence", "Venice",
    "Verona", "Bari", "Catania", "Messina", "Trieste", "Lampedusa", "Sicily",
    "Sardinia", "Calabria", "Lombardy", "Veneto", "Tuscany", "Piedmont", "Campania",
    "Apulia", "Puglia", "Emilia-Romagna", "Liguria", "Umbria", "Abruzzo",
    "South Tyrol", "Reggio Calabria", "Brindisi", "Taranto", "Pisa", "Crotone",
]
PLACES["ESP"] = [
    "Barcelona", "Seville", "Sevilla", "Zaragoza", "Malaga", "Málaga", "Bilbao",
    "Alicante", "Murcia", "Palma de Mallorca", "Mallorca", "Majorca", "Ibiza",
    "Las Palmas", "Tenerife", "Canary Islands", "Catalonia", "Catalunya",
    "Basque Country", "Andalusia", "Asturias", "Navarre",
    "Castile and León", "Castilla-La Mancha", "Extremadura", "Cantabria",
    "Balearic Islands", "Ceuta", "Melilla", "San Sebastian", "Donostia",
    "Vigo", "Valladolid", "Pamplona",
]
PLACES["PRT"] = [ "Oporto", "Braga", "Coimbra", "Algarve", "Madeira",
                 "Funchal", "Azores", "Setubal", "Setúbal"]
PLACES["NLD"] = ["Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg",
                 "Maastricht", "Arnhem", "Nijmegen", "Leiden", "Haarlem", "Schiphol"]
PLACES["BEL"] = ["Antwerp", "Ghent", "Bruges", "Liege", "Liège", "Charleroi",
                 "Namur", "Leuven", "Flanders", "Wallonia", "Molenbeek"]
PLACES["CHE"] = ["Zurich", "Zürich", "Geneva", "Basel", "Lausanne", "Lucerne",
                 "Lugano", "Davos", "St. Gallen", "Ticino"]
PLACES["AUT"] = ["Salzburg", "Graz", "Linz", "Innsbruck", "Klagenfurt", "Tyrol",
                 "Carinthia", "Styria"]
PLACES["POL"] = ["Krakow", "Kraków", "Cracow", "Gdansk", "Gdańsk", "Wroclaw",
                 "Wrocław", "Poznan", "Poznań", "Lodz", "Łódź", "Lublin", "Szczecin",
                 "Katowice", "Bialystok", "Białystok", "Rzeszow", "Rzeszów", "Przemysl",
                 "Przemyśl", "Gdynia", "Podlasie", "Masuria"]
PLACES["CZE"] = ["Brno", "Ostrava", "Plzen", "Pilsen", "Bohemia", "Moravia"]
PLACES["SVK"] = ["Kosice", "Košice", "Presov", "Prešov", "Zilina", "Žilina", "Nitra"]
PLACES["HUN"] = ["Debrecen", "Szeged", "Miskolc", "Pecs", "Pécs", "Gyor", "Győr"]
PLACES["ROU"] = ["Cluj-Napoca", "Cluj", "Timisoara", "Timișoara", "Iasi", "Iași",
                 "Constanta", "Constanța", "Brasov", "Brașov", "Craiova", "Galati",
                 "Transylvania", "Dobrogea"]
PLACES["BGR"] = ["Plovdiv", "Varna", "Burgas", "Stara Zagora", "Pleven"]
PLACES["GRC"] = ["Thessaloniki", "Salonika", "Piraeus", "Patras", "Heraklion", "Crete",
                 "Rhodes", "Lesbos", "Lesvos", "Samos", "Chios", "Corfu",
                 "Evros", "Larissa", "Volos", "Ioannina", "Peloponnese",
                 "Thrace", "Evia", "Euboea", "Santorini", "Mykonos"]
PLACES["CYP"] = ["Limassol", "Larnaca", "Paphos", "Famagusta", "Kyrenia"]
PLACES["SRB"] = ["Novi Sad", "Niš", "Kragujevac", "Subotica", "Vojvodina",
                 "Presevo", "Preševo", "Novi Pazar", "Sandzak", "Sandžak"]
PLACES["KOS"] = ["Mitrovica", "North Mitrovica", "Prizren", "Peja", "Gjakova",
                 "Ferizaj", "Gjilan", "Zvecan", "Zvečan", "Leposavic", "Zubin Potok",
                 "Banjska"]
PLACES["BIH"] = ["Banja Luka", "Mostar", "Tuzla", "Zenica", "Bihac", "Bihać",
                 "Srebrenica", "Republika Srpska", "Brcko", "Brčko", "Herzegovina",
                 ]
PLACES["HRV"] = ["Dubrovnik", "Rijeka", "Osijek", "Zadar", "Vukovar", "Dalmatia", "Istria",
                 "Slavonia"]
PLACES["MKD"] = ["Tetovo", "Kumanovo", "Bitola", "Ohrid", "Gostivar", "Struga"]
PLACES["ALB"] = ["Durres", "Durrës", "Vlore", "Vlorë", "Shkoder", "Shkodër", "Elbasan"]
PLACES["MNE"] = ["Niksic", "Nikšić", "Budva", "Kotor", "Cetinje"]
PLACES["SVN"] = ["Maribor", "Koper", "Celje"]
PLACES["SWE"] = ["Gothenburg", "Göteborg", "Malmo", "Malmö", "Uppsala", "Linkoping",
                 "Örebro", "Orebro", "Kiruna", "Gotland", "Norrland", "Rinkeby"]
PLACES["NOR"] = [ "Trondheim", "Stavanger", "Tromso", "Tromsø", "Svalbard",
                 "Kirkenes", "Bodo", "Bodø", "Utoya", "Utøya"]
PLACES["DNK"] = ["Aarhus", "Odense", "Aalborg", "Greenland", "Faroe Islands", "Bornholm"]
PLACES["FIN"] = ["Tampere", "Turku", "Oulu", "Espoo", "Vantaa", "Aland Islands",
                 "Åland Islands", "Imatra", "Lappeenranta"]
PLACES["EST"] = ["Tartu", "Narva", "Parnu", "Pärnu", "Ida-Viru"]
PLACES["LVA"] = ["Daugavpils", "Liepaja", "Liepāja", "Jelgava", "Latgale"]
PLACES["LTU"] = ["Kaunas", "Klaipeda", "Klaipėda", "Siauliai", "Šiauliai"]
PLACES["ISL"] = ["Akureyri", "Reykjanes", "Grindavik", "Grindavík"]
