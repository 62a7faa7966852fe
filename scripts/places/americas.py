"""The Americas (hand-written, public geographic knowledge)."""

PLACES: dict[str, list[str]] = {}
CUES: dict[str, list[str]] = {}

# --- United States: states (Georgia and Washington are ambiguous and left out) ------
PLACES["USA"] = [
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut",
    "Delaware", "Florida", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas",
    "Kentucky", "Louisiana", "Maine", "Maryland", "Massachusetts", "Michigan",
    "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska", "Nevada",
    "New Hampshire", "New Jersey", "New Mexico", "North Carolina",
    "North Dakota", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode Island",
    "South Carolina", "South Dakota", "Tennessee", "Texas", "Utah", "Vermont",
    "Virginia", "West Virginia", "Wisconsin", "Wyoming",
]
# --- United States: cities ----------------------------------------------------------
PLACES["USA"] += [
    "New York", "New York City", "NYC", "Manhattan", "Brooklyn", "Bronx",
    "Staten Island", "Los Angeles", "Chicago", "Houston", "Philadelphia",
    "San Antonio", "San Diego", "Dallas",
    "Fort Worth", "San Francisco", "Seattle",
    "Denver", "Nashville", "Oklahoma City", "El Paso", "Boston",
    "Las Vegas", "Detroit", "Memphis", "Louisville", "Baltimore", "Milwaukee",
    "Albuquerque", "Tucson", "Fresno", "Sacramento", "Atlanta",
    "Miami", "Raleigh", "Omaha", "Virginia Beach", "Oakland",
    "Minneapolis", "Tulsa", "Tampa", "New Orleans", "Wichita",
    "Cleveland", "Bakersfield", "Honolulu", "Jacksonville", "Kansas City", "Newark", "Long Beach", "Anaheim",
    "Arlington", "Charleston", "Lansing", "St. Louis", "St Louis",
    "Pittsburgh", "Cincinnati", "Anchorage", "Orlando", "Buffalo",
    "St. Paul", "Saint Paul", "Salt Lake City", "Boise", "Des Moines",
    "Baton Rouge", "Ferguson",
    "Uvalde", "Kenosha", "Charlottesville",
    "Silicon Valley",
    "Guantanamo", "Guantanamo Bay", "Fort Bragg", "Fort Liberty", "Fort Hood",
    "Annapolis", "Harrisburg", "Tallahassee",
    "Little Rock", "Topeka",
    "Carson City", "Juneau",
    "Trenton", "Hartford",
    "Montpelier",

]
CUES["USA"] = [ "gop",
               "fbi", "atf", "dea", "lapd", "nypd", "sheriff's office",
               "state troopers"]

PLACES["CAN"] = [
    "Ontario", "Quebec", "Québec", "British Columbia", "Alberta", "Manitoba",
    "Saskatchewan", "Nova Scotia", "New Brunswick", "Newfoundland and Labrador",
    "Newfoundland", "Prince Edward Island", "Yukon", "Northwest Territories", "Nunavut",
    "Toronto", "Montreal", "Montréal", "Vancouver", "Calgary", "Edmonton", "Winnipeg",
    "Quebec City", "Halifax", "Saskatoon", "Mississauga", "Brampton",
    "Kitchener", "Iqaluit",
    "Whitehorse", "Yellowknife", "Fredericton", "Charlottetown",
    "Thunder Bay", "Sudbury", "Kelowna", "Gatineau", "Sherbrooke",
]
CUES["CAN"] = ["rcmp", "mounties", "ndp", "bloc québécois", "bloc quebecois"]
PLACES["MEX"] = [
    "Guadalajara", "Monterrey", "Tijuana", "Ciudad Juarez", "Ciudad Juárez",
    "Puebla", "Cancun", "Cancún", "Acapulco", "Culiacan", "Culiacán",
    "Mazatlan", "Mazatlán", "Hermosillo", "Chihuahua", "Sinaloa", "Sonora", "Jalisco",
    "Michoacan", "Michoacán", "Tamaulipas", "Nuevo Leon", "Nuevo León",
    "Veracruz", "Oaxaca", "Chiapas", "Zacatecas", "Guanajuato", "Baja California",
    "Coahuila", "Morelos", "Yucatan", "Yucatán", "Quintana Roo", "Tabasco",
    "Campeche", "Reynosa", "Matamoros", "Nuevo Laredo", "Mexicali", "Ensenada",
    "Tapachula", "Queretaro", "Querétaro",
    "San Luis Potosi", "Aguascalientes", "Toluca", "Ecatepec", "Morelia", "Uruapan",
    "Apatzingan", "Nogales", "Piedras Negras", "Ayotzinapa", "Iguala",
]
PLACES["GTM"] = ["Quetzaltenango", "Escuintla", "Peten", "Petén", "Huehuetenango",
                 "Mixco", "Antigua Guatemala", "Izabal", "Alta Verapaz"]
PLACES["HND"] = ["San Pedro Sula", "La Ceiba", "Choluteca", "Comayagua", "Olancho",
                 "Roatan"]
PLACES["SLV"] = [ "Soyapango",
                 "Apopa"]
PLACES["NIC"] = [ "Masaya", "Matagalpa",
                 "Esteli", "Estelí", "Bluefields", "Chinandega", "Jinotega"]
PLACES["CRI"] = [ "Limón", "Alajuela", "Puntarenas", "Guanacaste", "Heredia"]
PLACES["PAN"] = [ "Darien Gap", "Bocas del Toro",
                 "Chiriqui"]
PLACES["HTI"] = ["Cap-Haitien", "Cap-Haïtien", "Gonaives", "Gonaïves", "Les Cayes",
                 "Jacmel", "Jeremie", "Jérémie", "Cite Soleil", "Cité Soleil",
                 "Petion-Ville", "Pétion-Ville", "Croix-des-Bouquets", "Artibonite",
                 "Mirebalais", "Hinche", "Saint-Marc", "Martissant", "Delmas", "Tabarre",
                 ]
PLACES["DOM"] = ["Santiago de los Caballeros", "Punta Cana", "La Romana", "Puerto Plata",
                 "San Pedro de Macoris", "Dajabon", "Dajabón"]
PLACES["CUB"] = ["Santiago de Cuba", "Camaguey", "Camagüey", "Holguin", "Holguín",
                 "Matanzas", "Cienfuegos", "Pinar del Rio", "Pinar del Río",
                 ]
PLACES["JAM"] = ["Montego Bay", "Spanish Town", "Portmore", "Ocho Rios"]

PLACES["BRA"] = [
    "São Paulo", "Sao Paulo", "Rio de Janeiro", "Fortaleza",
    "Belo Horizonte", "Manaus", "Curitiba", "Recife", "Porto Alegre", "Belém", "Belem",
    "Goiania", "Goiânia", "Campinas", "Florianopolis", "Florianópolis",
    "Maceio", "Maceió", "Joao Pessoa", "João Pessoa", "Teresina", "Cuiaba", "Cuiabá",
    "Porto Velho", "Boa Vista", "Macapa", "Macapá",
    "Niteroi", "Niterói", "Copacabana", "Rocinha",
    "Bahia", "Minas Gerais", "Rio Grande do Sul",
    "Santa Catarina", "Pernambuco", "Ceara", "Ceará", "Maranhao",
    "Maranhão", "Mato Grosso", "Mato Grosso do Sul", "Goias", "Goiás", "Roraima",
    "Rondonia", "Rondônia", "Amapa", "Amapá", "Tocantins", "Espirito Santo",
    "Espírito Santo", "Sergipe", "Alagoas", "Piaui", "Piauí", "Paraiba", "Paraíba",
    "Rio Grande do Norte",
]
CUES["BRA"] = ["reais", "planalto"]
PLACES["COL"] = [
    "Medellin", "Medellín", "Cali", "Barranquilla", "Cartagena", "Cucuta", "Cúcuta",
    "Bucaramanga", "Pereira", "Manizales", "Santa Marta", "Ibague", "Ibagué",
    "Villavicencio", "Popayan", "Popayán", "Buenaventura", "Tumaco",
    "Antioquia", "Cauca", "Valle del Cauca", "Narino", "Nariño", "Chocó",
    "Catatumbo", "Arauca", "Putumayo", "Caqueta", "Caquetá",
    "Guaviare", "Norte de Santander",
    "La Guajira", "Urabá", "Uraba",
]
CUES["COL"] = ["farc", "eln"]
PLACES["VEN"] = ["Maracaibo", "Barquisimeto", "Maracay",
                 "Ciudad Guayana", "Ciudad Bolivar", "Ciudad Bolívar",
                 "Barinas", "Zulia", "Tachira", "Táchira", "Apure",

                 "Petare", "Puerto Ayacucho", "Cumana", "Cumaná",
                 "Puerto La Cruz", "Margarita Island"]
PLACES["ARG"] = [ "Rosario", "Mendoza", "La Plata", "Mar del Plata",
                 "San Miguel de Tucuman", "Tucuman", "Tucumán", "Salta", "Neuquen",
                 "Neuquén", "Bahia Blanca", "Bahía Blanca", "Ushuaia", "Patagonia",
                 "Chubut", "Jujuy", "Corrientes",
                 "Entre Rios", "Entre Ríos", "Vaca Muerta",
                 ]
CUES["ARG"] = ["peronist", "peronists", "peronism", "kirchnerism", "kirchnerist"]
PLACES["CHL"] = ["Valparaiso", "Valparaíso", "Antofagasta",
                 "Vina del Mar", "Viña del Mar", "Temuco", "Iquique", "Arica",
                 "Punta Arenas", "Araucania", "Araucanía", "Biobio", "Biobío",
                 "Rancagua", "Puerto Montt", "Valdivia", "Calama", "Chiloe"]
PLACES["PER"] = ["Arequipa", "Cusco", "Cuzco", "Chiclayo", "Piura",
                 "Iquitos", "Puno", "Ayacucho", "Huancayo", "Tacna", "Juliaca",
                 "Cajamarca", "Callao", "Machu Picchu", "Madre de Dios",
                 "Apurimac", "Apurímac", "VRAEM", "Huanuco"]
PLACES["ECU"] = ["Guayaquil", "Esmeraldas", "Machala", "Portoviejo",
                 "Santo Domingo de los Tsachilas", "Galapagos", "Galápagos",
                 "Guayas", "Manabi", "Manabí", "Sucumbios", "Sucumbíos",
                 "Ambato", "Loja"]
PLACES["BOL"] = ["Santa Cruz de la Sierra", "Cochabamba", "El Alto", "Oruro", "Potosi",
                 "Potosí", "Tarija", "Chapare"]
PLACES["PRY"] = ["Ciudad del Este", "Encarnacion", "Encarnación", "Pedro Juan Caballero",
                 ]
PLACES["URY"] = ["Punta del Este", "Paysandu", "Paysandú", "Colonia del Sacramento"]
PLACES["GUY"] = [ "Lethem", "Essequibo", "Berbice"]
PLACES["TTO"] = [ "Chaguanas", "Arima", "Point Fortin"]
