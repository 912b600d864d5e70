package extract

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// Quotes and speakers in the shapes real news prose uses, passage by
// passage, in the styles of US political reporting, wire copy, UK
// broadsheets and tabloids, broadcast transcripts and live blogs. The
// passages are written for this test; the quoted words are invented or
// paraphrased, never copied. Unlike TestQuotes, a speaker who is no actor
// is checked the way the corpus scores it (the found name holds the
// wanted name's last word), so that "Ms. Kerr" and "Lisa Kerr" both pass
// while "the senator" or another person fails.

func newsActors(t testing.TB) *Matcher {
	t.Helper()
	type a struct {
		slug, name, gender string
		kind               string
		aliases            []string
	}
	list := []a{
		{"chuck-schumer", "Chuck Schumer", "male", model.Person, []string{"Schumer"}},
		{"nancy-pelosi", "Nancy Pelosi", "female", model.Person, []string{"Pelosi"}},
		{"mitch-mcconnell", "Mitch McConnell", "male", model.Person, []string{"McConnell"}},
		{"kamala-harris", "Kamala Harris", "female", model.Person, []string{"Harris"}},
		{"keir-starmer", "Keir Starmer", "male", model.Person, []string{"Starmer"}},
		{"rishi-sunak", "Rishi Sunak", "male", model.Person, []string{"Sunak"}},
		{"boris-johnson", "Boris Johnson", "male", model.Person, []string{"Johnson"}},
		{"mike-johnson", "Mike Johnson", "male", model.Person, nil},
		{"jerome-powell", "Jerome Powell", "male", model.Person, []string{"Powell"}},
		{"janet-yellen", "Janet Yellen", "female", model.Person, []string{"Yellen"}},
		{"ursula-von-der-leyen", "Ursula von der Leyen", "female", model.Person, []string{"von der Leyen"}},
		{"ted-cruz", "Ted Cruz", "male", model.Person, []string{"Cruz"}},
		{"greg-abbott", "Greg Abbott", "male", model.Person, []string{"Abbott"}},
		{"volodymyr-zelensky", "Volodymyr Zelensky", "male", model.Person, []string{"Zelensky"}},
		{"benjamin-netanyahu", "Benjamin Netanyahu", "male", model.Person, []string{"Netanyahu"}},
		{"joe-biden", "Joe Biden", "male", model.Person, []string{"Biden", "President Biden"}},
		{"jill-biden", "Jill Biden", "female", model.Person, nil},
		{"donald-trump", "Donald Trump", "male", model.Person, []string{"Trump"}},
		{"dmitry-peskov", "Dmitry Peskov", "male", model.Person, []string{"Peskov"}},
		{"angela-rayner", "Angela Rayner", "female", model.Person, []string{"Rayner"}},
		{"russia", "Russia", "", model.Country, []string{"Moscow", "the Kremlin"}},
		{"united-states", "United States", "", model.Country, []string{"U.S.", "US"}},
		{"gordon-hale", "Gordon Hale", "male", model.Person, nil},
		{"northwind-airways", "Northwind Airways", "", model.Organization, []string{"Northwind"}},
	}
	var as []*model.Actor
	for _, x := range list {
		ac := actor("content/actors/"+x.slug+".md", x.slug, x.name, x.aliases, nil)
		ac.Kind, ac.Gender = x.kind, x.gender
		as = append(as, ac)
	}
	m, ds := NewMatcher(as)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return m
}

// newsQuote is one wanted quote: its text, and its speaker as an actor's
// slug or, for no actor, a name or description whose last word the found
// name must hold.
type newsQuote struct{ text, slug, name string }

func (w newsQuote) matches(x model.Quote) bool {
	if x.Text != w.text || x.Speaker != w.slug {
		return false
	}
	if w.slug != "" {
		return true
	}
	f := strings.Fields(w.name)
	return len(f) > 0 && strings.Contains(strings.ToLower(x.SpeakerName), strings.ToLower(f[len(f)-1]))
}

var newsQuoteTests = []struct {
	name  string
	paras []string
	want  []newsQuote
}{
	// Partial quotes inside attributed sentences.
	{"called X “…”, us-politics", []string{"Schumer called the bill “a gift to the gun lobby” and said Democrats would block it."},
		[]newsQuote{{"a gift to the gun lobby", "chuck-schumer", ""}}},
	{"vowed to “…”, punctuation inside", []string{"Pelosi vowed to “fight it every step of the way.”"},
		[]newsQuote{{"fight it every step of the way.", "nancy-pelosi", ""}}},
	{"two partial quotes of a body", []string{"The White House said the report was “deeply flawed” and “not worth the paper it is printed on.”"},
		[]newsQuote{{"deeply flawed", "", "The White House"}, {"not worth the paper it is printed on.", "", "The White House"}}},
	{"said X were “…”", []string{"McConnell said Republicans were “united” behind the nominee."},
		[]newsQuote{{"united", "mitch-mcconnell", ""}}},
	{"described as, with an apposition", []string{"Senator Lisa Kerr, a Maine Republican, described the plan as “a nonstarter.”"},
		[]newsQuote{{"a nonstarter.", "", "Lisa Kerr"}}},
	{"urged to, title for the one named before", []string{"Gov. Andrew Hale declared a state of emergency on Sunday.", "The governor urged residents to “stay off the roads tonight,” adding that crews were working through the night."},
		[]newsQuote{{"stay off the roads tonight", "", "Andrew Hale"}}},
	{"accused of", []string{"Harris accused her opponent of “running on fear.”"},
		[]newsQuote{{"running on fear.", "kamala-harris", ""}}},
	{"told MPs that it would “…”, uk-paper", []string{"Starmer told MPs the government would ‘not hesitate’ to act."},
		[]newsQuote{{"not hesitate", "keir-starmer", ""}}},

	// Scare quotes, names and titles in marks: no quote.
	{"so-called group", []string{"The so-called “Squad” of progressive lawmakers met on Tuesday."}, nil},
	{"a slogan nobody says here", []string{"Critics of the “defund the police” movement gathered outside City Hall."}, nil},
	{"a film title", []string{"The film “All the President’s Men” was screened at the library on Friday."}, nil},
	{"a bill's name", []string{"The bill, known as the “Inflation Reduction Act,” passed the Senate 51 to 50."}, nil},
	{"a sign's words", []string{"Protesters carried signs reading “No kings” through the capital."}, nil},
	{"a word in irony", []string{"The hurricane’s “eye” passed over the island at dawn."}, nil},

	// Colon introductions with any verb or none.
	{"was defiant:, uk-paper", []string{"Sunak was defiant: ‘We will get the planes off the ground.’"},
		[]newsQuote{{"We will get the planes off the ground.", "rishi-sunak", ""}}},
	{"smiled: after a participle clause", []string{"Asked whether she would run again, Pelosi smiled: “Never say never.”"},
		[]newsQuote{{"Never say never.", "nancy-pelosi", ""}}},
	{"her answer:", []string{"Harris was asked about the polls. Her answer: “I am not going anywhere.”"},
		[]newsQuote{{"I am not going anywhere.", "kamala-harris", ""}}},
	{"name, in a floor speech:", []string{"McConnell, in a floor speech: “The Senate will not be rushed.”"},
		[]newsQuote{{"The Senate will not be rushed.", "mitch-mcconnell", ""}}},
	{"then the mayor turned:", []string{"Mayor Dana Ruiz toured the flooded streets on Monday.", "Then the mayor turned to the cameras: “Go home and stay home.”"},
		[]newsQuote{{"Go home and stay home.", "", "Dana Ruiz"}}},
	{"He replied:, uk-paper", []string{"On the radio, Johnson was asked about the fine. He replied: ‘I have said sorry and I mean it.’"},
		[]newsQuote{{"I have said sorry and I mean it.", "boris-johnson", ""}}},

	// Round-up lines.
	{"reporter, outlet, place", []string{"Maria Lopez, BBC News, Kyiv: “The sirens started just after four.”"},
		[]newsQuote{{"The sirens started just after four.", "", "Maria Lopez"}}},
	{"senator, party of state", []string{"Sen. Chuck Schumer, Democrat of New York: “Today the Senate did its job.”"},
		[]newsQuote{{"Today the Senate did its job.", "chuck-schumer", ""}}},
	{"vox pop with an age, tabloid", []string{"Tom Hadley, 62, retired miner, Durham: ‘Nobody asked us.’"},
		[]newsQuote{{"Nobody asked us.", "", "Tom Hadley"}}},
	{"representative with a party tag", []string{"Rep. Dana Whitfield (D-Minn.) on X: “This vote is a disgrace.”"},
		[]newsQuote{{"This vote is a disgrace.", "", "Dana Whitfield"}}},

	// Inverted attributions with long appositions and of-phrases.
	{"said X of Y, who …", []string{"“We are seeing record turnout in the suburbs,” said Ruth Cole of the Cook Political Report, who has tracked House races for two decades."},
		[]newsQuote{{"We are seeing record turnout in the suburbs", "", "Ruth Cole"}}},
	{"said X, chief economist at …, in a note", []string{"“The market was caught off guard,” said Peter Hahn, chief economist at Hahn Capital in Frankfurt, in a note to clients."},
		[]newsQuote{{"The market was caught off guard", "", "Peter Hahn"}}},
	{"said the head of …, Name", []string{"“This is not a drill,” said the head of the agency's emergency unit, Karen Wu."},
		[]newsQuote{{"This is not a drill", "", "Karen Wu"}}},
	{"actor, apposition, told reporters after", []string{"“Rates will stay high for longer,” Jerome Powell, the Federal Reserve chair, told reporters after the two-day meeting."},
		[]newsQuote{{"Rates will stay high for longer", "jerome-powell", ""}}},
	{"said a spokesman for …", []string{"“We have no information on that,” said a spokesman for the Department of Homeland Security."},
		[]newsQuote{{"We have no information on that", "", "a spokesman"}}},
	{"said actor, president of …", []string{"“Europe must wake up,” said Ursula von der Leyen, president of the European Commission."},
		[]newsQuote{{"Europe must wake up", "ursula-von-der-leyen", ""}}},
	{"said Name, age, a taxi driver from … who", []string{"“It was chaos,” said Imran Qureshi, 34, a taxi driver from Lahore who was at the rally."},
		[]newsQuote{{"It was chaos", "", "Imran Qureshi"}}},
	{"anonymous official with a long clause", []string{"“The ceasefire is holding,” a senior U.S. official, who spoke on condition of anonymity to discuss the talks, told reporters."},
		[]newsQuote{{"The ceasefire is holding", "", "a senior U.S. official"}}},

	// Speech verbs.
	{"thundered", []string{"“We will not be intimidated,” Schumer thundered."},
		[]newsQuote{{"We will not be intimidated", "chuck-schumer", ""}}},
	{"conceded, she", []string{"Janet Yellen spoke to the committee for two hours.", "“Nobody reads the fine print,” she conceded."},
		[]newsQuote{{"Nobody reads the fine print", "janet-yellen", ""}}},
	{"demanded X", []string{"“Where is the money?” demanded Lisa Kerr, the senator from Maine."},
		[]newsQuote{{"Where is the money?", "", "Lisa Kerr"}}},
	{"declared, the union's president, Name", []string{"“This is a good day for workers,” the union's president, Sean Brady, declared."},
		[]newsQuote{{"This is a good day for workers", "", "Sean Brady"}}},
	{"posted on X", []string{"“We got it done,” Harris posted on X."},
		[]newsQuote{{"We got it done", "kamala-harris", ""}}},
	{"insisted, uk-paper", []string{"‘The numbers don’t add up,’ Sunak insisted."},
		[]newsQuote{{"The numbers don’t add up", "rishi-sunak", ""}}},
	{"the former president told the judge", []string{"Trump sat at the defence table all morning.", "“I have nothing to hide,” the former president told the judge."},
		[]newsQuote{{"I have nothing to hide", "donald-trump", ""}}},
	{"acknowledged", []string{"John Kirby, the national security spokesman, took questions at the White House.", "“We are looking at every option,” Kirby acknowledged."},
		[]newsQuote{{"We are looking at every option", "", "John Kirby"}}},
	{"scoffed the spokesman, actor", []string{"“Let them try,” scoffed the Kremlin spokesman, Dmitry Peskov."},
		[]newsQuote{{"Let them try", "dmitry-peskov", ""}}},
	{"he testified", []string{"Daniel Brooks, the former chief of staff, appeared before the committee on Tuesday.", "“I would do it again,” he testified."},
		[]newsQuote{{"I would do it again", "", "Daniel Brooks"}}},
	{"fumed, tabloid", []string{"‘It is a total disgrace,’ fumed Kerry Dunn, 41, from Leeds."},
		[]newsQuote{{"It is a total disgrace", "", "Kerry Dunn"}}},
	{"snapped", []string{"“Next question,” Pelosi snapped."},
		[]newsQuote{{"Next question", "nancy-pelosi", ""}}},

	// Quotes split around the attribution.
	{"split, said", []string{"“This is a dark day,” Starmer said, “but it is not the end.”"},
		[]newsQuote{{"This is a dark day", "keir-starmer", ""}, {"but it is not the end.", "keir-starmer", ""}}},
	{"split over two sentences, uk-paper", []string{"‘We have the votes,’ the chief whip, Simon Hart, said on Tuesday morning. ‘And we will use them.’"},
		[]newsQuote{{"We have the votes", "", "Simon Hart"}, {"And we will use them.", "", "Simon Hart"}}},
	{"split, warned", []string{"“If they want a fight,” McConnell warned, “they will get one.”"},
		[]newsQuote{{"If they want a fight", "mitch-mcconnell", ""}, {"they will get one.", "mitch-mcconnell", ""}}},

	// Multi-paragraph quotes.
	{"open quote over paragraphs, us-politics", []string{"Biden spoke from the Oval Office on Sunday night.", "“I have decided that the best path forward is to pass the torch,” he said. “It is the best way to unite the nation.", "“I will finish my term and do my job.”"},
		[]newsQuote{{"I have decided that the best path forward is to pass the torch", "joe-biden", ""}, {"It is the best way to unite the nation.", "joe-biden", ""}, {"I will finish my term and do my job.", "joe-biden", ""}}},
	{"statement over paragraphs", []string{"In her statement, Pelosi wrote: “The House will act.", "“We will not wait for the Senate.”"},
		[]newsQuote{{"The House will act.", "nancy-pelosi", ""}, {"We will not wait for the Senate.", "nancy-pelosi", ""}}},
	{"open quote attributed at the end", []string{"Judge Carla Mendes read her ruling aloud.", "“The law is clear.", "“The defendant knew what he was doing,” the judge said."},
		[]newsQuote{{"The law is clear.", "", "Carla Mendes"}, {"The defendant knew what he was doing", "", "Carla Mendes"}}},

	// "he"/"she" after several people.
	{"he is the subject, not the one he spoke with", []string{"Schumer spoke with McConnell on the Senate floor before the vote.", "“We have a deal,” he said."},
		[]newsQuote{{"We have a deal", "chuck-schumer", ""}}},
	{"she after a man", []string{"Harris met Netanyahu at the White House on Thursday.", "“It is time for this war to end,” she said."},
		[]newsQuote{{"It is time for this war to end", "kamala-harris", ""}}},
	{"he, the one interviewed by a woman", []string{"Trump was interviewed by Lesley Stahl of CBS for an hour.", "“I don't care about the polls,” he said."},
		[]newsQuote{{"I don't care about the polls", "donald-trump", ""}}},
	{"he, the subject past a relative clause", []string{"Starmer, who was introduced by Angela Rayner, thanked the campaign staff.", "“You changed this country,” he told them."},
		[]newsQuote{{"You changed this country", "keir-starmer", ""}}},
	{"she among two people", []string{"Senator Lisa Kerr voted against her party, and Senator Tom Hale joined her.", "“I vote my conscience,” she said."},
		[]newsQuote{{"I vote my conscience", "", "Lisa Kerr"}}},
	{"he, the subject, after a woman in a clause", []string{"Powell testified after Treasury Secretary Janet Yellen, who had spoken in the morning.", "“Inflation is still too high,” he said."},
		[]newsQuote{{"Inflation is still too high", "jerome-powell", ""}}},

	// Titles and descriptions for someone named before.
	{"the Texas Republican", []string{"Senator Ted Cruz of Texas held the floor for an hour.", "“This is not over,” the Texas Republican said."},
		[]newsQuote{{"This is not over", "ted-cruz", ""}}},
	{"the prime minister, uk-paper", []string{"Sunak called the election in the rain outside Downing Street.", "‘Now is the moment,’ the prime minister said."},
		[]newsQuote{{"Now is the moment", "rishi-sunak", ""}}},
	{"the speaker", []string{"Speaker Mike Johnson scheduled the vote for Friday.", "“We will pass it,” the speaker told reporters."},
		[]newsQuote{{"We will pass it", "mike-johnson", ""}}},
	{"the governor", []string{"Gov. Greg Abbott signed the bill on Tuesday.", "“Texas will not wait for Washington,” the governor said."},
		[]newsQuote{{"Texas will not wait for Washington", "greg-abbott", ""}}},
	{"the Ukrainian president", []string{"Zelensky addressed Congress by video on Wednesday.", "“We need your help now,” the Ukrainian president said."},
		[]newsQuote{{"We need your help now", "volodymyr-zelensky", ""}}},
	{"the state Republican among two", []string{"Rep. Marjorie Hale, a Georgia Republican, and Rep. Tom Price, an Ohio Democrat, spoke after the vote.", "“This is theatre,” the Georgia Republican said."},
		[]newsQuote{{"This is theatre", "", "Marjorie Hale"}}},

	// Family names, Mrs. and Mr. among relatives.
	{"Mrs. Biden beside her husband", []string{"Jill Biden campaigned in Georgia on Saturday while her husband, President Biden, stayed in Delaware.", "“He is in this race,” Mrs. Biden said."},
		[]newsQuote{{"He is in this race", "jill-biden", ""}}},
	{"Mr. for a lawyer named in full", []string{"Hunter Biden's lawyer, Abbe Lowell, spoke after the verdict.", "“We will appeal,” Mr. Lowell said."},
		[]newsQuote{{"We will appeal", "", "Abbe Lowell"}}},
	{"Mrs. Trump is not Donald Trump", []string{"Melania Trump did not attend the rally with her husband.", "“I support him fully,” Mrs. Trump wrote in a statement."},
		[]newsQuote{{"I support him fully", "", "Melania Trump"}}},
	{"Ms. among a mother and son", []string{"Rosa Gonzalez and her son Mateo waited at the shelter for two days.", "“We lost the house,” Ms. Gonzalez said."},
		[]newsQuote{{"We lost the house", "", "Rosa Gonzalez"}}},

	// Publishers and bodies as speakers.
	{"a budget office in its report", []string{"“The plan would add $2 trillion to the deficit,” the Congressional Budget Office said in its report."},
		[]newsQuote{{"The plan would add $2 trillion to the deficit", "", "the Congressional Budget Office"}}},
	{"the newspaper wrote", []string{"The New York Times reported on Sunday that the talks had stalled.", "“Neither side has moved,” the newspaper wrote, citing two officials."},
		[]newsQuote{{"Neither side has moved", "", "The New York Times"}}},
	{"said in a statement it was ‘…’, uk-paper", []string{"The Foreign Office said in a statement it was ‘urgently seeking information’."},
		[]newsQuote{{"urgently seeking information", "", "The Foreign Office"}}},
	{"a wire service reported, citing", []string{"Reuters reported that the company was “exploring a sale,” citing three people familiar with the matter."},
		[]newsQuote{{"exploring a sale", "", "Reuters"}}},
	{"in a statement, the ministry", []string{"In a statement, the Ministry of Defence said the drill had been “long planned.”"},
		[]newsQuote{{"long planned.", "", "the Ministry of Defence"}}},

	// According to.
	{"according to an aide", []string{"According to a senior aide, the president was “furious” about the leak."},
		[]newsQuote{{"furious", "", "a senior aide"}}},
	{"according to after the quote", []string{"The plan would be “dead within a week,” according to Ruth Cole, a Democratic strategist."},
		[]newsQuote{{"dead within a week", "", "Ruth Cole"}}},
	{"according to a body", []string{"According to the Pentagon, the strike was “precise and limited.”"},
		[]newsQuote{{"precise and limited.", "", "the Pentagon"}}},

	// Broadcast transcripts and live blogs.
	{"an answer quotes the one asked about, broadcast", []string{"TAPPER: Governor, what did President Biden tell you?", "NEWSOM: He said, “We will send whatever you need.”"},
		[]newsQuote{{"We will send whatever you need.", "joe-biden", ""}}},
	{"live-blog time stamp and colon", []string{"9:42 a.m. ET — Schumer opens the session: “We are here to finish the job.”"},
		[]newsQuote{{"We are here to finish the job.", "chuck-schumer", ""}}},
	{"live-blog entry with two sentences", []string{"11:05 — The Kremlin has responded. Peskov told reporters the visit was “a provocation”."},
		[]newsQuote{{"a provocation", "dmitry-peskov", ""}}},
	{"a campaign spokesman named after an actor", []string{"Update, 4:10 p.m.: A Harris campaign spokesman said the vice president would “take the fight to every state.”"},
		[]newsQuote{{"take the fight to every state.", "", "A Harris campaign spokesman"}}},

	// Where the rules above must not fire.
	{"a.m. ending a sentence is no stamp", []string{"The vote closed at 9 a.m. Schumer said the count was “final” and left."},
		[]newsQuote{{"final", "chuck-schumer", ""}}},
	{"a time inside a clause is no stamp", []string{"At 4:10 p.m. Pelosi told reporters: “We have the votes.”"},
		[]newsQuote{{"We have the votes.", "nancy-pelosi", ""}}},
	{"a place and a speaker alone, round-up", []string{"In Austin, Abbott: “We are ready for the storm.”"},
		[]newsQuote{{"We are ready for the storm.", "greg-abbott", ""}}},
	{"an adverb before a thing opens no description", []string{"Then the storm hit: “Get to the basement now.”"}, nil},
	{"a hyphenated name keeps its parts", []string{"Jean-Luc Marchand, a dockworker in Le Havre: “We stop at noon.”"},
		[]newsQuote{{"We stop at noon.", "", "Jean-Luc Marchand"}}},
	{"a comma inside the marks with no verb after", []string{"The plan was “dead within a week,” and few mourned it."}, nil},
	{"an of-phrase after a person is no body's name", []string{"“We will not fold,” said Anna Ruiz of Amnesty International."},
		[]newsQuote{{"We will not fold", "", "Anna Ruiz"}}},
	{"an open quote whose title names no one before", []string{"The courtroom was silent.", "“The law is clear.", "“Nobody is above it,” the judge said."},
		[]newsQuote{{"The law is clear.", "", "the judge"}, {"Nobody is above it", "", "the judge"}}},
	{"an abbreviated title binds its own title only", []string{"Gov. Ann Lee toured the flooded base on Friday. Gen. Mark Ward met her at the gate.", "“We are ready to help,” the governor said."},
		[]newsQuote{{"We are ready to help", "", "Ann Lee"}}},

	// Round 9, second set: shapes the first fixes led to.
	{"a clock time with its zone inside the subject's sentence", []string{"Biden, in a televised address at about 10 a.m. Eastern time, called the attack “an outrage” and promised “a swift response”."},
		[]newsQuote{{"an outrage", "joe-biden", ""}, {"a swift response", "joe-biden", ""}}},
	{"a zone after p.m. with the verb after it", []string{"At 9 p.m. ET on Monday, Pelosi told reporters the House would vote “this week.”"},
		[]newsQuote{{"this week.", "nancy-pelosi", ""}}},
	{"according to a statement from a body", []string{"According to a statement from the White House, the president was “deeply saddened” by the news."},
		[]newsQuote{{"deeply saddened", "", "the White House"}}},
	{"according to a statement from a company", []string{"According to a statement from Boeing, the company has been “cooperating fully” with investigators."},
		[]newsQuote{{"cooperating fully", "", "Boeing"}}},
	{"a statement from its own office is the subject's", []string{"The ministry, according to a statement from its press office, called the expulsions “a provocation”."},
		[]newsQuote{{"a provocation", "", "The ministry"}}},
	{"the bureau named in full before", []string{"Temperatures hit a record, according to the Bureau of Meteorology. In a statement, the bureau said the heat would ease “but the danger is far from over”."},
		[]newsQuote{{"but the danger is far from over", "", "Bureau of Meteorology"}}},
	{"the board named in full at the paragraph's start", []string{"Federal Reserve Board governors met on Tuesday. The board said rates would stay “where they are”."},
		[]newsQuote{{"where they are", "", "Federal Reserve Board"}}},
	{"the bureau with no bureau named", []string{"In a statement, the bureau said the storm would turn “sharply north”."},
		[]newsQuote{{"sharply north", "", "the bureau"}}},
	{"a participle after an adverbial with no comma", []string{"Trump left the stage early. At a rally later he struck a softer tone, praising Biden as ‘a decent man’ and insisting that America would remain ‘the greatest nation’."},
		[]newsQuote{{"a decent man", "donald-trump", ""}, {"the greatest nation", "donald-trump", ""}}},
	{"a participle's object is no inverted subject", []string{"Harris took the stage in Atlanta, thanking Pelosi for her “years of leadership”."},
		[]newsQuote{{"years of leadership", "kamala-harris", ""}}},

	// Round 9, third set (speakers; run blind before the rules after it).
	{"he after two men, the second named as the object", []string{"McConnell met Schumer in his office on Tuesday morning.", "“We are not there yet,” he told reporters afterward."},
		[]newsQuote{{"We are not there yet", "mitch-mcconnell", ""}}},
	{"she after a woman and a man in a with-phrase", []string{"Pelosi appeared with Schumer at the Capitol.", "“The votes are there,” she said."},
		[]newsQuote{{"The votes are there", "nancy-pelosi", ""}}},
	{"the senator after a named senator and a governor", []string{"Sen. Ted Cruz clashed with Gov. Greg Abbott over the grid.", "“Texans deserve answers,” the senator said."},
		[]newsQuote{{"Texans deserve answers", "ted-cruz", ""}}},
	{"the governor after the same two", []string{"Sen. Ted Cruz clashed with Gov. Greg Abbott over the grid.", "“We are fixing it,” the governor said."},
		[]newsQuote{{"We are fixing it", "greg-abbott", ""}}},
	{"the vice president", []string{"Vice President Kamala Harris toured the border on Friday.", "“We have a plan,” the vice president said."},
		[]newsQuote{{"We have a plan", "kamala-harris", ""}}},
	{"the former president for the actor", []string{"Former President Donald Trump spoke in Iowa on Saturday.", "“I was treated very unfairly,” the former president said."},
		[]newsQuote{{"I was treated very unfairly", "donald-trump", ""}}},
	{"the Republican leader", []string{"Senate Republican leader Mitch McConnell held a news conference on Tuesday.", "“We will not support it,” the Kentucky Republican said."},
		[]newsQuote{{"We will not support it", "mitch-mcconnell", ""}}},
	{"the chancellor, uk-paper", []string{"Chancellor Jeremy Hunt delivered his autumn statement on Thursday.", "‘We are not out of the woods,’ the chancellor told MPs."},
		[]newsQuote{{"We are not out of the woods", "", "Jeremy Hunt"}}},
	{"the Labour leader", []string{"Keir Starmer visited a hospital in Leeds.", "‘The NHS is on its knees,’ the Labour leader said."},
		[]newsQuote{{"The NHS is on its knees", "keir-starmer", ""}}},
	{"the 78-year-old", []string{"Sanders Peale, a senator from Vermont, spoke for an hour. “I am not going away,” the 78-year-old said."},
		[]newsQuote{{"I am not going away", "", "Sanders Peale"}}},
	{"Mr. with two people of that family name", []string{"Ron Baker and his wife, Ellen Baker, own the diner.", "“We stayed open through the storm,” Mr. Baker said."},
		[]newsQuote{{"We stayed open through the storm", "", "Ron Baker"}}},
	{"Ms. with two people of that family name", []string{"Ron Baker and his wife, Ellen Baker, own the diner.", "“We had no power for a week,” Ms. Baker said."},
		[]newsQuote{{"We had no power for a week", "", "Ellen Baker"}}},
	{"her husband named in apposition", []string{"Ellen Baker said the diner had been in the family for decades. Her husband, Ron, was less sentimental.", "“It is a business,” he said."},
		[]newsQuote{{"It is a business", "", "Ron"}}},
	{"a description in apposition is no name", []string{"Ellen Baker said the diner had been in the family for decades. Her husband, a retired trucker, was less sentimental.", "“It is a business,” he said."},
		[]newsQuote{{"It is a business", "", "Her husband"}}},
	{"a spokeswoman for the actor", []string{"“The senator has been clear,” a spokeswoman for Cruz said."},
		[]newsQuote{{"The senator has been clear", "", "a spokeswoman for Cruz"}}},
	{"the spokesman named after", []string{"“No decision has been made,” said Andrew Bates, a White House spokesman."},
		[]newsQuote{{"No decision has been made", "", "Andrew Bates"}}},
	{"the White House press secretary, named", []string{"“The president is focused on the economy,” White House press secretary Karine Jean-Pierre told reporters."},
		[]newsQuote{{"The president is focused on the economy", "", "Karine Jean-Pierre"}}},
	{"the department said in a statement", []string{"“We are reviewing the decision,” the Justice Department said in a statement."},
		[]newsQuote{{"We are reviewing the decision", "", "the Justice Department"}}},
	{"the agency, named before", []string{"The Federal Emergency Management Agency sent teams to Florida.", "“More help is on the way,” the agency said."},
		[]newsQuote{{"More help is on the way", "", "Federal Emergency Management Agency"}}},
	{"the paper reported, UK", []string{"The Guardian reported that ministers had been warned in March.", "‘The warnings were clear,’ the paper quoted one official as saying."},
		[]newsQuote{{"The warnings were clear", "", "one official"}}},
	{"told the AP", []string{"“We had twenty minutes to leave,” Rosa Díaz, 52, told The Associated Press."},
		[]newsQuote{{"We had twenty minutes to leave", "", "Rosa Díaz"}}},
	{"he after a quote by another man", []string{"“We will see,” Schumer said.", "McConnell was less patient. “The clock is running,” he said."},
		[]newsQuote{{"We will see", "chuck-schumer", ""}, {"The clock is running", "mitch-mcconnell", ""}}},
	{"she after a quote of a man, in the next paragraph", []string{"“We have the votes,” Schumer said after meeting Pelosi.", "“Then let us vote,” she said."},
		[]newsQuote{{"We have the votes", "chuck-schumer", ""}, {"Then let us vote", "nancy-pelosi", ""}}},
	{"inverted attribution after a split quote with a title", []string{"“We will pass this bill,” said Speaker Mike Johnson, “and we will do it this week.”"},
		[]newsQuote{{"We will pass this bill", "mike-johnson", ""}, {"and we will do it this week.", "mike-johnson", ""}}},
	{"said the Texas Republican, inverted", []string{"Cruz did not back down.", "“This is a fight worth having,” said the Texas Republican."},
		[]newsQuote{{"This is a fight worth having", "ted-cruz", ""}}},
	{"a two-paragraph quote with the speaker in the second", []string{"“We are not going to shut down the government.", "“We are going to fund it,” Johnson told reporters."},
		[]newsQuote{{"We are not going to shut down the government.", "boris-johnson", ""}, {"We are going to fund it", "boris-johnson", ""}}},

	// Round 9, fourth set: relative clauses in the subject, and names
	// given "only as".
	{"a description with a restrictive relative clause, colon", []string{"A Republican senator who opposes the bill told reporters: “It will not pass.”"},
		[]newsQuote{{"It will not pass.", "", "A Republican senator who opposes the bill"}}},
	{"a description with a relative clause, after the quote", []string{"“It will not pass,” a Democratic aide who works on the committee said."},
		[]newsQuote{{"It will not pass", "", "a Democratic aide who works on the committee"}}},
	{"a relative clause with its own subject still cuts", []string{"The deal, which Schumer calls “a lifeline”, was signed on Friday."},
		[]newsQuote{{"a lifeline", "chuck-schumer", ""}}},
	{"gave her name only as", []string{"“They were polite, and now they are gone,” one woman, who gave her name only as Olga, told the agency."},
		[]newsQuote{{"They were polite, and now they are gone", "", "Olga"}}},
	{"identified only as, inverted", []string{"“We lost everything,” said a fisherman, who asked to be identified only as Karim."},
		[]newsQuote{{"We lost everything", "", "Karim"}}},
	{"gave only his first name", []string{"“The water came at night,” said a man who gave only his first name, Ahmed."},
		[]newsQuote{{"The water came at night", "", "Ahmed"}}},
	{"identified as a thing is no name", []string{"“Get down,” shouted a witness, later identified as the driver."},
		[]newsQuote{{"Get down", "", "a witness"}}},

	// Round 9, fifth set (broadcast, wire and UK shapes; run blind: 12 of
	// 15 passed). Two shapes are left open and out of the table: a
	// transcript answer's "He said, “…”" for "the president" of the
	// question, and a joint statement of two named people ("Cruz and
	// Schumer … called"), read as the first of them.
	{"said on a Sunday show", []string{"“We are not going to default,” Yellen said on CBS’s “Face the Nation” on Sunday."},
		[]newsQuote{{"We are not going to default", "janet-yellen", ""}}},
	{"told the BBC's programme, uk-paper", []string{"Starmer told the BBC’s Today programme that the plan was ‘fully costed’."},
		[]newsQuote{{"fully costed", "keir-starmer", ""}}},
	{"said last night, UK tabloid", []string{"‘This is a betrayal,’ Johnson said last night."},
		[]newsQuote{{"This is a betrayal", "boris-johnson", ""}}},
	{"said in an interview with", []string{"“I have no regrets,” Pelosi said in an interview with The Associated Press on Friday."},
		[]newsQuote{{"I have no regrets", "nancy-pelosi", ""}}},
	{"a headline in quotes is no quote", []string{"Biden’s speech, titled “The Soul of the Nation,” ran for 30 minutes."}, nil},
	{"wrote in an op-ed", []string{"In an op-ed for The Washington Post, McConnell wrote that the bill was “a wish list.”"},
		[]newsQuote{{"a wish list.", "mitch-mcconnell", ""}}},
	{"said through a spokesman", []string{"Trump said through a spokesman that the case was “a sham.”"},
		[]newsQuote{{"a sham.", "donald-trump", ""}}},
	{"a live blog, newest first, with a pronoun for the entry's speaker", []string{"10:15 — Zelensky has spoken to reporters in Kyiv. “We will hold the line,” he said.", "9:50 — Air raid sirens sounded across the capital."},
		[]newsQuote{{"We will hold the line", "volodymyr-zelensky", ""}}},
	{"a quote on X with a handle", []string{"“Promises made, promises kept,” Trump wrote on Truth Social."},
		[]newsQuote{{"Promises made, promises kept", "donald-trump", ""}}},
	{"a statement read by a spokesman", []string{"“The prime minister has full confidence in the home secretary,” a Downing Street spokesman said."},
		[]newsQuote{{"The prime minister has full confidence in the home secretary", "", "a Downing Street spokesman"}}},
	{"officials said, with the partial quote after", []string{"U.S. officials said the strike was “proportionate” and aimed at “degrading” the group’s weapons."},
		[]newsQuote{{"proportionate", "", "U.S. officials"}, {"degrading", "", "U.S. officials"}}},
	{"she said of", []string{"Harris praised the teachers. “They are heroes,” she said of the staff at the school."},
		[]newsQuote{{"They are heroes", "kamala-harris", ""}}},
	{"the question in quotes is the reporter's", []string{"Asked “Will you run again?”, Biden smiled and said, “Watch me.”"},
		[]newsQuote{{"Watch me.", "joe-biden", ""}}},

	// Round 9, sixth set: a name as the topic before "he said", and a
	// name given after a colon introduction's relative clause.
	{"a name as topic before the pronoun, uk-paper", []string{"That evening, Jacob Mogg went on the radio to answer Mr Ross. Mr Ross, he suggested, ‘has never been a big figure’."},
		[]newsQuote{{"has never been a big figure", "", "Jacob Mogg"}}},
	{"a subject named before a colon keeps the pronoun after it", []string{"His secretary of state, Rex Tillerson, went further: the attack, he said in a statement, “plainly came from Russia”."},
		[]newsQuote{{"plainly came from Russia", "", "Rex Tillerson"}}},
	{"named only by his surname, colon", []string{"A protester in the arrivals hall, who asked to be named only by his surname, Wong: “We are sorry for the travellers.”"},
		[]newsQuote{{"We are sorry for the travellers.", "", "Wong"}}},

	// Round 9, seventh set: "states" as a noun, and a name that modifies
	// a title.
	{"member states are no speaker", []string{"Dr. Joan Li, the head of the charity, told United Nations member states on Tuesday that the world was “losing the fight” against the virus."},
		[]newsQuote{{"losing the fight", "", "Joan Li"}}},
	{"the United States as an object", []string{"Harris told the United States Senate that the bill was “dead.”"},
		[]newsQuote{{"dead.", "kamala-harris", ""}}},
	{"a party name modifying a title, participle", []string{"The Democratic leader began gamely, asking what the White House would do for the “millions left behind”."},
		[]newsQuote{{"millions left behind", "", "The Democratic leader"}}},
	{"a party name modifying a title for the one it binds", []string{"Keir Starmer, the Labour leader, rose first.", "The Labour leader began gamely, asking what the government would do for the ‘millions left behind’."},
		[]newsQuote{{"millions left behind", "keir-starmer", ""}}},

	// Round 10 (train batch 7): a question's auxiliary is no part of the
	// name after it, so the answer's pronoun is the person the question
	// names; a participle right after an object is the subject's.
	{"a transcript answer's pronoun is the person the question names", []string{"Q: Will Netanyahu fly to Washington next week?", "A: He will. He told his cabinet on Sunday that the visit was “long overdue”."},
		[]newsQuote{{"long overdue", "benjamin-netanyahu", ""}}},
	{"a question in prose names the speaker after its auxiliary", []string{"Can Schumer hold his caucus together on the vote? He insisted on Tuesday that he could: “Nobody is leaving.”"},
		[]newsQuote{{"Nobody is leaving.", "chuck-schumer", ""}}},
	{"a first name Will in a statement stays a name", []string{"Will Ortega, a former mayor of the town, said the plan was “a mistake from the start”."},
		[]newsQuote{{"a mistake from the start", "", "Will Ortega"}}},
	{"a participle with no comma after an object, wire round-up", []string{"Israel: Prime Minister Benjamin Netanyahu congratulated Biden calling the ceasefire “a first step and no more”."},
		[]newsQuote{{"a first step and no more", "benjamin-netanyahu", ""}}},
	{"a participle with no comma after an object, us-politics", []string{"Senator Ted Cruz spent the morning on television attacking Schumer calling his bill “a gift to the cartels”."},
		[]newsQuote{{"a gift to the cartels", "ted-cruz", ""}}},
	{"the speaker's own participle keeps its subject", []string{"Yellen, testifying before the committee, said inflation was “still too high”."},
		[]newsQuote{{"still too high", "janet-yellen", ""}}},

	// Train batch 8: a description headed by a bystander noun (lexicon
	// bystanders) is a speaker; a relative clause with its own subject,
	// closed by a comma before the verb, is an aside; "according to" set
	// off after a speech verb names a source, not the speaker; a body that
	// is no actor, named as a subject, is what "it" and "Its statement"
	// stand for.
	{"a bystander with a relative clause, wire copy", []string{"A woman in her seventies, whose grandson was among the missing, said the rescuers had “given up far too early”."},
		[]newsQuote{{"given up far too early", "", "A woman in her seventies"}}},
	{"a bystander in a local paper", []string{"A commuter waiting at the bus stop said the trains had been “a shambles all week”."},
		[]newsQuote{{"a shambles all week", "", "A commuter"}}},
	{"a bystander noun as an object is no speaker", []string{"Police said they had questioned a man who was seen “acting strangely” near the depot."},
		[]newsQuote{{"acting strangely", "", "Police"}}},
	{"a bystander noun with a scare quote and no speech verb stays out", []string{"A passenger on the so-called “ghost flight” was found asleep in the hold."}, nil},
	{"a relative clause with its own subject is an aside", []string{"A spokeswoman for the coalition, which Schumer helped to found, said the vote was “a turning point”."},
		[]newsQuote{{"a turning point", "", "A spokeswoman for the coalition"}}},
	{"a relative clause whose verb is the quote's keeps its subject", []string{"The deal, which Zelensky called “a betrayal of the east”, was signed on Friday."},
		[]newsQuote{{"a betrayal of the east", "volodymyr-zelensky", ""}}},
	{"according to a source after the speech verb, wire copy", []string{"Powell met the bank chiefs on Sunday. He told them, according to a person familiar with the talks, that the Fed would act: “We will not let the system seize up.”"},
		[]newsQuote{{"We will not let the system seize up.", "jerome-powell", ""}}},
	{"according to a source alone is the speaker", []string{"According to a person familiar with the talks, the offer was “final and not negotiable”."},
		[]newsQuote{{"final and not negotiable", "", "a person familiar with the talks"}}},
	{"its statement: the body named before, broadsheet", []string{"The Civil Aviation Authority said on Friday night that the fleet was grounded. Its statement was blunt: “No aircraft of this type will fly until it has been inspected.”"},
		[]newsQuote{{"No aircraft of this type will fly until it has been inspected.", "", "The Civil Aviation Authority"}}},
	{"it after a body that is no actor", []string{"The Maritime Safety Authority said the search area had been moved north. “The debris field is drifting faster than we expected,” it said."},
		[]newsQuote{{"The debris field is drifting faster than we expected", "", "The Maritime Safety Authority"}}},
	{"a body in the paragraph before is no antecedent of its statement", []string{"The Civil Aviation Authority said on Friday night that the fleet was grounded.", "Its statement was blunt: “No aircraft will fly.”"}, nil},

	// Round 11, second set: an age used as a noun heads a description of
	// someone who speaks, as a title does.
	{"an age for the one named before, us-politics", []string{"Senator Ted Cruz of Texas spoke last, to a half-empty chamber. The 53-year-old called the bill “a surrender to the cartels” and walked out."},
		[]newsQuote{{"a surrender to the cartels", "ted-cruz", ""}}},
	{"an age in the next paragraph, feature", []string{"Pelosi has held her seat since 1987.", "The 82-year-old said on Friday that leading the House had been “the honour of my life”."},
		[]newsQuote{{"the honour of my life", "nancy-pelosi", ""}}},
	{"an age as an object is no speaker", []string{"Police arrested a 53-year-old who was seen “acting strangely” near the depot."}, nil},

	// A statement's own clause ("that said", "saying") speaks for the
	// subject that issued it.
	{"a statement that said, us-politics", []string{"Cruz released a statement that called the bill “a surrender to the cartels”."},
		[]newsQuote{{"a surrender to the cartels", "ted-cruz", ""}}},
	{"a body's statement saying, wire copy", []string{"The ministry issued a statement saying the strikes had been “aimed only at military targets”."},
		[]newsQuote{{"aimed only at military targets", "", "The ministry"}}},
	{"a statement with no issuer stays out", []string{"A statement saying the plant was “safe” was posted online."}, nil},
	{"a relative clause with the quote's own subject keeps it", []string{"Cruz read out the statement that Schumer called “a surrender to the cartels”."},
		[]newsQuote{{"a surrender to the cartels", "chuck-schumer", ""}}},

	// A relative clause may make a description long: the head before it
	// must describe someone by itself, and the whole is sixteen words
	// at most.
	{"a long description with a relative clause before a colon, wire copy", []string{"One of them, a fund manager who had flown in from Tokyo, said afterwards: “She has just written a cheque nobody can cash.”"},
		[]newsQuote{{"She has just written a cheque nobody can cash.", "", "a fund manager"}}},
	{"a long description with a relative clause, inverted, feature", []string{"“Nobody told us anything,” said a commuter who had waited on the platform for almost three hours."},
		[]newsQuote{{"Nobody told us anything", "", "a commuter"}}},
	{"a long description with a relative clause, partial quote", []string{"A retired teacher who had queued at the embassy for three days said the visas had been “promised for Friday”."},
		[]newsQuote{{"promised for Friday", "", "A retired teacher"}}},
	{"a long subject with a relative clause that is no speaker", []string{"The bridge that the army engineers had thrown across the river in two days was called “a miracle”."}, nil},

	// Tabloid sources.
	{"a source close to", []string{"Last night a source close to the Palace said: ‘The King is furious.’"},
		[]newsQuote{{"The King is furious.", "", "a source close to the Palace"}}},
	{"told a newspaper: the newspaper is no speaker", []string{"Mum-of-three Kerry Dunn, 41, told The Sun: ‘I just want my money back.’"},
		[]newsQuote{{"I just want my money back.", "", "Kerry Dunn"}}},
}

func TestQuotesNews(t *testing.T) {
	m := newsActors(t)
	for _, tt := range newsQuoteTests {
		t.Run(tt.name, func(t *testing.T) {
			got := Quotes(tt.paras, m)
			for _, x := range got {
				if tt.paras[x.Para][x.Start:x.End] != x.Text {
					t.Errorf("offsets [%d:%d] give %q, text %q", x.Start, x.End, tt.paras[x.Para][x.Start:x.End], x.Text)
				}
			}
			checkQuotes(t, "", got, tt.want)
		})
	}
}

// checkQuotes reports, after prefix, the quotes found when they are not
// the ones wanted, in order (see newsQuote.matches).
func checkQuotes(t *testing.T, prefix string, got []model.Quote, want []newsQuote) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		ok = want[i].matches(got[i])
	}
	if !ok {
		var g []string
		for _, x := range got {
			g = append(g, x.Text+" ← "+x.Speaker+" ("+x.SpeakerName+")")
		}
		t.Errorf("%sgot %q, want %v", prefix, g, want)
	}
}
