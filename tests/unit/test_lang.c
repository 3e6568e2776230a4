/* test_lang.c — language detection and stopword counting (src/lang.c).
 *
 * One news-style paragraph per language (written for these tests, all on
 * the same story so the vocabulary is comparable), detected by stopwords
 * and letters or by script; close pairs (uk/ru/be/bg/sr, de/nl, es/pt/it/ca,
 * cs/sk, da/no/sv, hr/sl) included. Also exact stopword counts, case
 * folding, short and hostile input, and lang_month_first.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lang.h"

typedef struct sample {
    const char *tag;
    const char *text;
} sample;

static const sample samples[] = {
    {"en", "The city council voted on Tuesday to extend the bus network to the northern suburbs. "
           "Officials said the new routes would open in the spring, although some residents have "
           "complained about the cost. The mayor told reporters that the plan was the result of two "
           "years of work with local groups. It is expected to reduce traffic in the centre by about a fifth."},
    {"de", "Der Stadtrat hat am Dienstag beschlossen, das Busnetz in die nördlichen Vororte zu erweitern. "
           "Die neuen Linien sollen im Frühjahr in Betrieb gehen, obwohl sich einige Anwohner über die "
           "Kosten beschwert haben. Der Bürgermeister sagte, dass der Plan das Ergebnis von zwei Jahren "
           "Arbeit mit lokalen Gruppen sei. Man erwartet, dass der Verkehr in der Innenstadt um etwa ein "
           "Fünftel sinkt."},
    {"nl", "De gemeenteraad heeft dinsdag besloten het busnetwerk uit te breiden naar de noordelijke "
           "buitenwijken. De nieuwe lijnen moeten in het voorjaar open gaan, hoewel sommige bewoners "
           "klagen over de kosten. De burgemeester zei dat het plan het resultaat is van twee jaar werk "
           "met lokale groepen. Men verwacht dat het verkeer in het centrum met ongeveer een vijfde zal afnemen."},
    {"fr", "Le conseil municipal a voté mardi l'extension du réseau de bus vers les banlieues du nord. "
           "Les nouvelles lignes devraient ouvrir au printemps, bien que certains habitants se soient "
           "plaints du coût. Le maire a déclaré aux journalistes que ce projet était le fruit de deux "
           "années de travail avec les associations locales. Il devrait réduire la circulation dans le "
           "centre d'environ un cinquième."},
    {"es", "El ayuntamiento votó el martes a favor de ampliar la red de autobuses hacia los barrios del "
           "norte. Las nuevas líneas se abrirán en primavera, aunque algunos vecinos se han quejado del "
           "coste. El alcalde dijo a los periodistas que el plan es el resultado de dos años de trabajo "
           "con los grupos locales. Se espera que reduzca el tráfico en el centro en una quinta parte."},
    {"pt", "A câmara municipal votou na terça-feira a favor da extensão da rede de autocarros para os "
           "bairros do norte. As novas linhas devem abrir na primavera, embora alguns moradores se "
           "tenham queixado do custo. O presidente da câmara disse aos jornalistas que o plano é o "
           "resultado de dois anos de trabalho com as associações locais. Espera-se que o trânsito no "
           "centro diminua cerca de um quinto."},
    {"it", "Il consiglio comunale ha votato martedì l'estensione della rete degli autobus verso i "
           "quartieri a nord. Le nuove linee dovrebbero aprire in primavera, anche se alcuni residenti si "
           "sono lamentati dei costi. Il sindaco ha detto ai giornalisti che il piano è il risultato di "
           "due anni di lavoro con le associazioni del territorio. Si prevede che il traffico nel centro "
           "diminuisca di circa un quinto."},
    {"ca", "El consell municipal va aprovar dimarts l'ampliació de la xarxa d'autobusos cap als barris "
           "del nord. Les noves línies s'obriran a la primavera, tot i que alguns veïns s'han queixat del "
           "cost. L'alcalde va dir als periodistes que el pla és el resultat de dos anys de feina amb les "
           "entitats locals. S'espera que el trànsit al centre es redueixi aproximadament en una cinquena part."},
    {"pl", "Rada miasta zdecydowała we wtorek o rozbudowie sieci autobusowej w kierunku północnych "
           "przedmieść. Nowe linie mają zostać uruchomione wiosną, choć część mieszkańców skarży się na "
           "koszty. Burmistrz powiedział dziennikarzom, że plan jest wynikiem dwóch lat pracy z lokalnymi "
           "organizacjami. Oczekuje się, że ruch w centrum zmniejszy się o około jedną piątą."},
    {"cs", "Městské zastupitelstvo v úterý schválilo rozšíření autobusové sítě do severních předměstí. "
           "Nové linky by měly začít jezdit na jaře, i když si někteří obyvatelé stěžují na náklady. "
           "Starosta novinářům řekl, že plán je výsledkem dvou let práce s místními spolky. Očekává se, "
           "že doprava v centru se sníží asi o pětinu."},
    {"sk", "Mestské zastupiteľstvo v utorok schválilo rozšírenie autobusovej siete do severných "
           "predmestí. Nové linky by mali začať premávať na jar, hoci sa niektorí obyvatelia sťažujú na "
           "náklady. Primátor novinárom povedal, že plán je výsledkom dvoch rokov práce s miestnymi "
           "združeniami. Očakáva sa, že doprava v centre sa zníži približne o pätinu."},
    {"uk", "Міська рада у вівторок ухвалила рішення розширити автобусну мережу до північних передмість. "
           "Нові маршрути мають запрацювати навесні, хоча деякі мешканці вже скаржаться на вартість. "
           "Мер сказав журналістам, що цей план є результатом двох років роботи з місцевими громадами. "
           "Очікується, що рух у центрі міста зменшиться приблизно на п'яту частину, а також буде менше заторів."},
    {"ru", "Городской совет во вторник принял решение расширить автобусную сеть до северных пригородов. "
           "Новые маршруты должны заработать весной, хотя некоторые жители уже жалуются на стоимость. "
           "Мэр сказал журналистам, что этот план является результатом двух лет работы с местными "
           "общинами. Ожидается, что движение в центре города сократится примерно на пятую часть, а "
           "также будет меньше пробок."},
    {"be", "Гарадская рада ў аўторак прыняла рашэнне пашырыць аўтобусную сетку да паўночных прыгарадаў. "
           "Новыя маршруты павінны запрацаваць увесну, хоць некаторыя жыхары ўжо скардзяцца на кошт. "
           "Мэр сказаў журналістам, што гэты план з'яўляецца вынікам двух гадоў працы з мясцовымі "
           "суполкамі. Чакаецца, што рух у цэнтры горада скароціцца прыкладна на пятую частку, а таксама "
           "будзе менш затораў."},
    {"bg", "Общинският съвет реши във вторник да разшири автобусната мрежа към северните предградия. "
           "Новите линии трябва да започнат работа през пролетта, въпреки че някои жители вече се "
           "оплакват от цената. Кметът каза пред журналисти, че този план е резултат от две години работа "
           "с местните общности. Очаква се движението в центъра на града да намалее с около една пета."},
    {"sr", "Градско веће је у уторак одлучило да прошири аутобуску мрежу према северним предграђима. "
           "Нове линије би требало да почну да раде на пролеће, иако се неки становници већ жале на цену. "
           "Градоначелник је рекао новинарима да је овај план резултат две године рада са локалним "
           "заједницама. Очекује се да ће саобраћај у центру града бити смањен за око једну петину."},
    {"hr", "Gradsko vijeće je u utorak odlučilo proširiti autobusnu mrežu prema sjevernim predgrađima. "
           "Nove linije trebale bi početi s radom na proljeće, iako se neki stanovnici već žale na cijenu. "
           "Gradonačelnik je rekao novinarima da je ovaj plan rezultat dviju godina rada s lokalnim "
           "udrugama. Očekuje se da će se promet u središtu grada smanjiti za oko jednu petinu."},
    {"sl", "Mestni svet je v torek sklenil, da bo razširil avtobusno omrežje proti severnim predmestjem. "
           "Nove linije naj bi začele voziti spomladi, čeprav se nekateri prebivalci že pritožujejo nad "
           "ceno. Župan je novinarjem povedal, da je načrt rezultat dveh let dela z lokalnimi društvi. "
           "Pričakujejo, da se bo promet v središču mesta zmanjšal za približno petino, kar je tudi cilj občine."},
    {"ro", "Consiliul local a votat marți extinderea rețelei de autobuze spre cartierele din nord. Noile "
           "linii ar trebui să fie deschise în primăvară, deși unii locuitori s-au plâns de costuri. "
           "Primarul le-a spus jurnaliștilor că planul este rezultatul a doi ani de muncă împreună cu "
           "asociațiile locale. Se așteaptă ca traficul din centru să scadă cu aproximativ o cincime."},
    {"hu", "A városi közgyűlés kedden megszavazta, hogy a buszhálózatot kiterjesztik az északi "
           "külvárosokra. Az új járatok tavasszal indulnak, bár néhány lakó már panaszkodik a költségek "
           "miatt. A polgármester azt mondta az újságíróknak, hogy a terv két év munkájának eredménye, "
           "amelyet a helyi közösségekkel együtt végeztek. Várhatóan a belvárosi forgalom nagyjából "
           "egyötödével csökken."},
    {"sv", "Kommunfullmäktige beslutade på tisdagen att bygga ut bussnätet till de norra förorterna. De "
           "nya linjerna ska öppna i vår, även om en del invånare har klagat på kostnaden. "
           "Kommunstyrelsens ordförande sa till journalister att planen är resultatet av två års arbete "
           "med lokala föreningar. Man räknar med att trafiken i centrum ska minska med ungefär en femtedel."},
    {"da", "Byrådet besluttede tirsdag at udvide busnettet til de nordlige forstæder. De nye linjer skal "
           "åbne til foråret, selv om nogle beboere har klaget over prisen. Borgmesteren sagde til "
           "journalisterne, at planen er resultatet af to års arbejde med lokale foreninger. Man "
           "forventer, at trafikken i centrum vil falde med omkring en femtedel, og at der bliver mindre kø."},
    {"no", "Bystyret vedtok tirsdag å utvide bussnettet til de nordlige forstedene. De nye linjene skal "
           "åpne til våren, selv om noen beboere har klaget på prisen. Ordføreren sa til journalistene at "
           "planen er resultatet av to års arbeid med lokale foreninger. Man regner med at trafikken i "
           "sentrum vil gå ned med omtrent en femtedel, og at det blir mindre kø."},
    {"fi", "Kaupunginvaltuusto päätti tiistaina laajentaa bussiverkkoa pohjoisiin lähiöihin. Uusien "
           "linjojen on määrä aloittaa keväällä, vaikka osa asukkaista on valittanut kustannuksista. "
           "Pormestari kertoi toimittajille, että suunnitelma on kahden vuoden työn tulos, joka on tehty "
           "yhdessä paikallisten yhdistysten kanssa. Liikenteen keskustassa odotetaan vähenevän noin "
           "viidenneksellä, mikä on myös kaupungin tavoite."},
    {"et", "Linnavolikogu otsustas teisipäeval laiendada bussivõrku põhjapoolsetesse eeslinnadesse. Uued "
           "liinid peaksid avatama kevadel, kuigi mõned elanikud on kulude üle juba kaevanud. Linnapea "
           "ütles ajakirjanikele, et see plaan on kahe aasta töö tulemus, mida on tehtud koos kohalike "
           "ühendustega. Oodatakse, et liiklus kesklinnas väheneb umbes viiendiku võrra, mis on ka linna eesmärk."},
    {"lv", "Pilsētas dome otrdien nolēma paplašināt autobusu tīklu uz ziemeļu priekšpilsētām. Jaunajām "
           "līnijām jāsāk darbs pavasarī, lai gan daži iedzīvotāji jau sūdzas par izmaksām. Mērs "
           "žurnālistiem sacīja, ka šis plāns ir divu gadu darba rezultāts, kas paveikts kopā ar "
           "vietējām biedrībām. Paredzams, ka satiksme centrā samazināsies aptuveni par vienu piekto "
           "daļu, un tas ir arī pilsētas mērķis."},
    {"lt", "Miesto taryba antradienį nusprendė išplėsti autobusų tinklą į šiaurinius priemiesčius. Naujos "
           "linijos turėtų pradėti veikti pavasarį, nors kai kurie gyventojai jau skundžiasi kainomis. "
           "Meras žurnalistams sakė, kad šis planas yra dvejų metų darbo su vietos bendruomenėmis "
           "rezultatas. Tikimasi, kad eismas centre sumažės maždaug penktadaliu, ir tai yra ir miesto tikslas."},
    {"tr", "Belediye meclisi salı günü otobüs ağının kuzeydeki banliyölere genişletilmesine karar verdi. "
           "Yeni hatların ilkbaharda açılması bekleniyor, ancak bazı sakinler maliyetten şikayet ediyor. "
           "Belediye başkanı gazetecilere planın yerel derneklerle yapılan iki yıllık bir çalışmanın "
           "sonucu olduğunu söyledi. Şehir merkezindeki trafiğin yaklaşık beşte bir oranında azalması ve "
           "bu sayede daha çok insanın otobüs kullanması bekleniyor."},
    {"id", "Dewan kota pada hari Selasa memutuskan untuk memperluas jaringan bus ke pinggiran kota di "
           "bagian utara. Jalur baru akan dibuka pada musim semi, meskipun beberapa warga sudah "
           "mengeluhkan biayanya. Wali kota mengatakan kepada wartawan bahwa rencana itu adalah hasil "
           "kerja selama dua tahun dengan kelompok setempat. Lalu lintas di pusat kota diperkirakan akan "
           "berkurang sekitar seperlima."},
    {"el", "Το δημοτικό συμβούλιο αποφάσισε την Τρίτη να επεκτείνει το δίκτυο των λεωφορείων στα βόρεια "
           "προάστια. Οι νέες γραμμές θα λειτουργήσουν την άνοιξη, αν και ορισμένοι κάτοικοι έχουν ήδη "
           "διαμαρτυρηθεί για το κόστος. Ο δήμαρχος είπε στους δημοσιογράφους ότι το σχέδιο είναι "
           "αποτέλεσμα δύο ετών δουλειάς με τους τοπικούς συλλόγους."},
    {"ja", "市議会は火曜日、バス路線を北部の郊外まで延長することを決めた。新しい路線は春に開業する予定だが、"
           "一部の住民は費用について不満を述べている。市長は記者団に対し、この計画は地元の団体と二年間"
           "取り組んできた成果だと語った。"},
    {"zh", "市议会周二投票决定将公交网络扩展到北部郊区。新线路预计将于春季开通，但一些居民对费用表示不满。"
           "市长对记者表示，这项计划是与当地团体合作两年的成果。预计市中心的交通量将减少约五分之一。"},
    {"ko", "시의회는 화요일 버스 노선을 북부 교외 지역까지 확대하기로 결정했다. 새 노선은 봄에 개통될 "
           "예정이지만 일부 주민들은 비용에 대해 불만을 제기하고 있다. 시장은 기자들에게 이 계획이 지역 "
           "단체들과 2년 동안 함께 일한 결과라고 말했다."},
    {"ar", "صوّت المجلس البلدي يوم الثلاثاء على توسيع شبكة الحافلات لتشمل الضواحي الشمالية. ومن المتوقع "
           "أن تفتح الخطوط الجديدة في الربيع، رغم أن بعض السكان اشتكوا من التكلفة. وقال رئيس البلدية "
           "للصحفيين إن الخطة هي نتيجة عامين من العمل مع الجمعيات المحلية."},
    {"fa", "شورای شهر روز سه‌شنبه تصمیم گرفت شبکه اتوبوسرانی را به حومه‌های شمالی گسترش دهد. خطوط جدید "
           "قرار است در بهار راه‌اندازی شوند، هرچند برخی از ساکنان از هزینه‌ها گلایه کرده‌اند. شهردار به "
           "خبرنگاران گفت که این طرح حاصل دو سال کار با گروه‌های محلی است."},
    {"ur", "شہر کی کونسل نے منگل کے روز بس نیٹ ورک کو شمالی مضافات تک بڑھانے کا فیصلہ کیا۔ نئے راستے "
           "موسم بہار میں کھلیں گے، اگرچہ کچھ رہائشیوں نے لاگت کی شکایت کی ہے۔"},
    {"he", "מועצת העיר החליטה ביום שלישי להרחיב את רשת האוטובוסים אל הפרברים הצפוניים. הקווים החדשים "
           "צפויים להיפתח באביב, אף שחלק מהתושבים כבר התלוננו על העלות. ראש העיר אמר לעיתונאים כי "
           "התוכנית היא תוצאה של שנתיים של עבודה עם ארגונים מקומיים."},
    {"th", "สภาเมืองลงมติเมื่อวันอังคารให้ขยายเครือข่ายรถโดยสารไปยังชานเมืองทางตอนเหนือ "
           "เส้นทางใหม่จะเปิดให้บริการในฤดูใบไม้ผลิ แม้ว่าผู้อยู่อาศัยบางส่วนจะบ่นเรื่องค่าใช้จ่าย"},
    {"hi", "नगर परिषद ने मंगलवार को बस नेटवर्क को उत्तरी उपनगरों तक बढ़ाने का फैसला किया। नए मार्ग वसंत में "
           "शुरू होने की उम्मीद है, हालांकि कुछ निवासियों ने लागत को लेकर शिकायत की है। महापौर ने पत्रकारों "
           "से कहा कि यह योजना स्थानीय समूहों के साथ दो साल के काम का नतीजा है।"},
    {"ka", "ქალაქის საკრებულომ სამშაბათს გადაწყვიტა ავტობუსების ქსელის გაფართოება ჩრდილოეთის "
           "გარეუბნებამდე. ახალი ხაზები გაზაფხულზე გაიხსნება, თუმცა ზოგიერთი მცხოვრები ხარჯებს უჩივის."},
    {"hy", "Քաղաքային խորհուրդը երեքշաբթի որոշեց ընդլայնել ավտոբուսային ցանցը դեպի հյուսիսային "
           "արվարձաններ։ Նոր երթուղիները կբացվեն գարնանը, թեև որոշ բնակիչներ արդեն բողոքում են ծախսերից։"},
};

/* A second story for the hardest pairs, with everyday vocabulary. */
static const sample samples2[] = {
    {"uk", "Вчора ввечері в центрі Києва відбувся концерт, на який прийшло понад десять тисяч людей. "
           "Організатори кажуть, що це був найбільший захід за останні роки. Усі кошти від продажу "
           "квитків передадуть на відновлення шкіл, які були пошкоджені під час обстрілів."},
    {"ru", "Вчера вечером в центре Москвы прошёл концерт, на который пришло более десяти тысяч человек. "
           "Организаторы говорят, что это было самое крупное мероприятие за последние годы. Все деньги от "
           "продажи билетов передадут на восстановление школ, которые были повреждены во время наводнения."},
    {"bg", "Снощи в центъра на София се състоя концерт, на който дойдоха повече от десет хиляди души. "
           "Организаторите казват, че това е най-голямото събитие през последните години. Всички пари от "
           "продажбата на билети ще бъдат дадени за ремонт на училища, които бяха повредени от наводненията."},
    {"de", "Gestern Abend fand im Zentrum von Berlin ein Konzert statt, zu dem mehr als zehntausend "
           "Menschen kamen. Die Veranstalter sagen, es sei die größte Veranstaltung der letzten Jahre "
           "gewesen. Alle Einnahmen aus dem Verkauf der Karten gehen an die Renovierung von Schulen."},
    {"nl", "Gisteravond was er in het centrum van Amsterdam een concert waar meer dan tienduizend mensen "
           "op af kwamen. De organisatoren zeggen dat het het grootste evenement van de laatste jaren was. "
           "Alle opbrengsten van de kaartverkoop gaan naar de renovatie van scholen."},
    {"da", "I går aftes blev der holdt en koncert i midten af København, hvor mere end ti tusind mennesker "
           "mødte op. Arrangørerne siger, at det var den største begivenhed i de seneste år. Alle pengene "
           "fra billetsalget går til at sætte skolerne i stand, og det er de glade for."},
    {"no", "I går kveld ble det holdt en konsert i sentrum av Oslo, der mer enn ti tusen mennesker møtte "
           "opp. Arrangørene sier at det var det største arrangementet på mange år. Alle pengene fra "
           "billettsalget går til å pusse opp skolene, og det er de glade for."},
    {"sv", "I går kväll hölls en konsert i centrala Stockholm, dit mer än tiotusen människor kom. "
           "Arrangörerna säger att det var det största evenemanget på flera år. Alla pengar från "
           "biljettförsäljningen går till att rusta upp skolorna, och det är de glada för."},
    {"es", "Anoche se celebró un concierto en el centro de Madrid al que asistieron más de diez mil "
           "personas. Los organizadores dicen que fue el mayor evento de los últimos años. Todo el dinero "
           "de la venta de entradas se destinará a la reparación de las escuelas."},
    {"pt", "Ontem à noite realizou-se um concerto no centro de Lisboa, ao qual assistiram mais de dez mil "
           "pessoas. Os organizadores dizem que foi o maior evento dos últimos anos. Todo o dinheiro da "
           "venda de bilhetes vai para a recuperação das escolas."},
};

static void test_samples(void)
{
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        double conf = -1;
        const char *got = lang_detect(samples[i].text, strlen(samples[i].text), &conf);
        if (!got || strcmp(got, samples[i].tag) != 0)
            fprintf(stderr, "sample %s detected as %s\n", samples[i].tag, got ? got : "(null)");
        CHECK_STR(got, samples[i].tag);
        CHECK(conf > 0.2 && conf <= 1.0);
    }
    for (size_t i = 0; i < sizeof samples2 / sizeof samples2[0]; i++) {
        const char *got = lang_detect(samples2[i].text, strlen(samples2[i].text), NULL);
        if (!got || strcmp(got, samples2[i].tag) != 0)
            fprintf(stderr, "sample2 %s detected as %s\n", samples2[i].tag, got ? got : "(null)");
        CHECK_STR(got, samples2[i].tag);
    }
}

/* One short sentence each, same structure and many shared words. */
static void test_letters(void)
{
    const char *uk = "Він не їхав на море за гроші, а до села з дідусем і його сім'єю, де є річка і ліс.";
    const char *ru = "Он не ехал на море за деньги, а до села с дедушкой и его семьёй, где есть речка и лес.";
    CHECK_STR(lang_detect(uk, strlen(uk), NULL), "uk");
    CHECK_STR(lang_detect(ru, strlen(ru), NULL), "ru");

    /* Here every stopword (для на до а по / si to že v je na) is shared by
     * the pair, so only the letters can decide. */
    const char *uk2 = "Для всіх наших нових клієнтів на сайті діє знижка до п'ятниці, а доставка по місту безкоштовна.";
    const char *ru2 = "Для всех наших новых клиентов на сайте действуют скидки до пятницы, а доставка по городу бесплатная.";
    const char *cs2 = "Přečtěte si to, že v úterý je na řadě důležité jednání.";
    const char *sk2 = "Prečítajte si to, že v utorok je na rade dôležité rokovanie a ľudia čakajú.";
    CHECK_STR(lang_detect(uk2, strlen(uk2), NULL), "uk");
    CHECK_STR(lang_detect(ru2, strlen(ru2), NULL), "ru");
    CHECK_STR(lang_detect(cs2, strlen(cs2), NULL), "cs");
    CHECK_STR(lang_detect(sk2, strlen(sk2), NULL), "sk");

    /* ы speaks for both Russian and Belarusian; и, which Belarusian never
     * writes, rules it out. */
    const char *ru3 = "Мы не знали, а вы на этом рынке так быстро нашли новых покупателей.";
    CHECK_STR(lang_detect(ru3, strlen(ru3), NULL), "ru");
}

static void test_short_and_weak(void)
{
    double conf = 0.5;
    CHECK(lang_detect("Hello there", 11, &conf) == NULL);
    CHECK(conf == 0.0);
    CHECK(lang_detect("Привіт, як справи?", strlen("Привіт, як справи?"), NULL) == NULL);
    CHECK(lang_detect("", 0, NULL) == NULL);
    /* Five German stopwords but only 15 letters: below the floor. */
    CHECK(lang_detect("der die und das ist", 19, NULL) == NULL);
    CHECK_STR(lang_detect("der die und das ist auch nicht", 30, NULL), "de"); /* 24 letters */
    CHECK(lang_detect(NULL, 100, NULL) == NULL);
    /* Plenty of letters, no function words: no verdict. */
    const char *nav = "Home News Sport Weather iPlayer Sounds Bitesize CBeebies CBBC Food Weather Travel";
    CHECK(lang_detect(nav, strlen(nav), NULL) == NULL);
    /* Digits and punctuation are not letters. */
    const char *num = "2024-01-15 12:30:45 +0000 ... 1234567890 !!! ??? 3.14159 2.71828";
    CHECK(lang_detect(num, strlen(num), NULL) == NULL);
}

static void test_stopword_counts(void)
{
    unsigned words = 99;
    const char *s = "The cat sat on the mat, and it was happy.";
    CHECK_INT(lang_stopwords(s, strlen(s), &words), 6); /* the on the and it was */
    CHECK_INT(words, 10);

    const char *nav = "Home News Sport Weather iPlayer Sounds Bitesize CBeebies";
    CHECK_INT(lang_stopwords(nav, strlen(nav), &words), 0);
    CHECK_INT(words, 8);

    /* Words split at apostrophes, digits and hyphens; n bounds the text. */
    const char *t = "don't 42nd state-owned";
    CHECK_INT(lang_stopwords(t, strlen(t), &words), 0); /* don t nd state owned: none listed */
    CHECK_INT(words, 5);
    CHECK_INT(lang_stopwords("and the", 3, &words), 1); /* only "and" */
    CHECK_INT(words, 1);

    /* Stopwords of several languages in one text, each counted once. */
    const char *mix = "und і что the de są και";
    CHECK_INT(lang_stopwords(mix, strlen(mix), &words), 7);
    CHECK_INT(words, 7);

    CHECK_INT(lang_stopwords(NULL, 5, &words), 0);
    CHECK_INT(words, 0);
    CHECK_INT(lang_stopwords("", 0, NULL), 0);
}

static void test_case_folding(void)
{
    unsigned words = 0;
    CHECK_INT(lang_stopwords("ТА", strlen("ТА"), &words), 1);
    CHECK_INT(words, 1);
    CHECK_INT(lang_stopwords("Und", 3, NULL), 1);
    CHECK_INT(lang_stopwords("UND", 3, NULL), 1);
    CHECK_INT(lang_stopwords("ÜBER", strlen("ÜBER"), NULL), 1);       /* Latin-1 */
    CHECK_INT(lang_stopwords("ŁĄCZNIE", strlen("ŁĄCZNIE"), NULL), 0); /* not a stopword */
    CHECK_INT(lang_stopwords("WIĘC", strlen("WIĘC"), NULL), 1);       /* Latin Extended-A */
    CHECK_INT(lang_stopwords("ŞI ȘI", strlen("ŞI ȘI"), NULL), 2);     /* cedilla and comma forms */
    CHECK_INT(lang_stopwords("İÇİN", strlen("İÇİN"), NULL), 1);       /* Turkish dotted İ */
    CHECK_INT(lang_stopwords("ЇХ ЙОГО ЩОДО", strlen("ЇХ ЙОГО ЩОДО"), NULL), 3);
    CHECK_INT(lang_stopwords("ΚΑΙ ΕΙΝΑΙ Είναι", strlen("ΚΑΙ ΕΙΝΑΙ Είναι"), NULL), 3); /* tonos dropped */
    CHECK_INT(lang_stopwords("της τησ ΤΗΣ", strlen("της τησ ΤΗΣ"), NULL), 3);      /* final sigma */
}

static void test_hostile_bytes(void)
{
    /* Invalid UTF-8 and NUL bytes split words and never crash. */
    static const char bad[] = "the\xff" "and\x00" "of\xc3(\xe2\x82 \xf0\x9f\x98 q\xed\xa0\x80x \xc0\xaf" "a";
    unsigned words = 0;
    CHECK_INT(lang_stopwords(bad, sizeof bad - 1, &words), 4); /* the and of a */
    CHECK_INT(words, 6);                                       /* + q x */
    CHECK(lang_detect(bad, sizeof bad - 1, NULL) == NULL);

    /* A truncated multi-byte sequence at the very end, in an exact-size
     * heap block so ASan would see any read past it. */
    const char *tails[] = {"\xd0", "\xe2\x82", "\xf0\x9f\x98", "слово \xd1"};
    for (size_t i = 0; i < 4; i++) {
        size_t n = strlen(tails[i]);
        char *h = malloc(n);
        CHECK(h != NULL);
        if (!h)
            continue;
        memcpy(h, tails[i], n);
        unsigned w = 99;
        lang_stopwords(h, n, &w);
        CHECK_INT(w, i == 3 ? 1 : 0);
        CHECK(lang_detect(h, n, NULL) == NULL);
        free(h);
    }

    /* Random bytes: any answer, no crash. */
    unsigned seed = 12345;
    char *rnd = malloc(100000);
    CHECK(rnd != NULL);
    if (rnd) {
        for (size_t i = 0; i < 100000; i++) {
            seed = seed * 1103515245u + 12345u;
            rnd[i] = (char)(seed >> 16);
        }
        unsigned w = 0;
        unsigned s = lang_stopwords(rnd, 100000, &w);
        CHECK(s <= w);
        double conf = -1;
        lang_detect(rnd, 100000, &conf);
        CHECK(conf >= 0.0 && conf <= 1.0);
        free(rnd);
    }
}

/* lang_detect reads the first 64 KB only; lang_stopwords reads everything. */
static void test_long_text(void)
{
    const char *de = samples[1].text, *en = samples[0].text;
    size_t dl = strlen(de), el = strlen(en);
    size_t reps_de = 70000 / (dl + 1) + 1, reps_en = 200000 / (el + 1) + 1;
    size_t n = reps_de * (dl + 1) + reps_en * (el + 1);
    char *big = malloc(n);
    CHECK(big != NULL);
    if (!big)
        return;
    size_t off = 0;
    for (size_t i = 0; i < reps_de; i++, off += dl + 1) {
        memcpy(big + off, de, dl);
        big[off + dl] = ' ';
    }
    for (size_t i = 0; i < reps_en; i++, off += el + 1) {
        memcpy(big + off, en, el);
        big[off + el] = ' ';
    }
    CHECK_STR(lang_detect(big, n, NULL), "de"); /* the English tail is never seen */
    unsigned w1 = 0, w2 = 0, s1 = lang_stopwords(de, dl, &w1), s2 = lang_stopwords(en, el, &w2), words = 0;
    CHECK_INT(lang_stopwords(big, n, &words), reps_de * s1 + reps_en * s2);
    CHECK_INT(words, reps_de * w1 + reps_en * w2);
    free(big);
}

/* Placeholder text is Latin, not Danish or French. */
static void test_lorem(void)
{
    const char *t = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
                    "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
                    "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.";
    CHECK_STR(lang_detect(t, strlen(t), NULL), "la");
}

/* A Russian quotation inside English prose does not change the verdict. */
static void test_mixed(void)
{
    const char *t = "The minister said on Friday that the talks would continue, adding: «Мы готовы к "
                    "диалогу». It was the first time that he had spoken about the issue in public, and "
                    "his remarks were welcomed by the opposition.";
    CHECK_STR(lang_detect(t, strlen(t), NULL), "en");
}

static void test_month_first(void)
{
    CHECK_INT(lang_month_first("en-US"), 1);
    CHECK_INT(lang_month_first("en_US"), 1);
    CHECK_INT(lang_month_first("en-us"), 1);
    CHECK_INT(lang_month_first("EN-US"), 1);
    CHECK_INT(lang_month_first("en-PH"), 1);
    CHECK_INT(lang_month_first("en-Latn-US"), 1);
    CHECK_INT(lang_month_first("en_US.UTF-8"), 1);
    CHECK_INT(lang_month_first("en-GB"), 0);
    CHECK_INT(lang_month_first("en-CA"), 0);
    CHECK_INT(lang_month_first("en"), 0);
    CHECK_INT(lang_month_first("en-USA"), 0);
    CHECK_INT(lang_month_first("es-US"), 0);
    CHECK_INT(lang_month_first("de-DE"), 0);
    CHECK_INT(lang_month_first(""), 0);
    CHECK_INT(lang_month_first(NULL), 0);
}

int main(void)
{
    test_samples();
    test_letters();
    test_short_and_weak();
    test_stopword_counts();
    test_case_folding();
    test_hostile_bytes();
    test_long_text();
    test_lorem();
    test_mixed();
    test_month_first();
    return harness_done("test_lang");
}
