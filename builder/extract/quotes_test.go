package extract

import (
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// Table tests for the shapes of quotes and speakers. The sentences are
// invented for these tests, in the styles of wire copy, US political
// reporting, UK papers and live blogs; the measured quality over the
// annotated corpus is in quality_test.go.

func quoteActors(t testing.TB) *Matcher {
	t.Helper()
	as := testActors()
	as = append(as,
		actor("content/actors/emmanuel-macron.md", "emmanuel-macron", "Emmanuel Macron", []string{"Macron"}, nil),
		actor("content/actors/dmitry-peskov.md", "dmitry-peskov", "Dmitry Peskov", []string{"Peskov"}, nil),
		actor("content/actors/russia.md", "russia", "Russia", []string{"Moscow", "the Kremlin"}, nil),
		actor("content/actors/donald-trump.md", "donald-trump", "Donald Trump", []string{"Trump"}, nil),
		actor("content/actors/bill-clinton.md", "bill-clinton", "Bill Clinton", nil, nil),
		actor("content/actors/hillary-clinton.md", "hillary-clinton", "Hillary Clinton", nil, nil),
		actor("content/actors/annalena-baerbock.md", "annalena-baerbock", "Annalena Baerbock", []string{"Baerbock"}, nil),
		actor("content/actors/joe-biden.md", "joe-biden", "Joe Biden", []string{"Biden"}, nil),
		actor("content/actors/jill-biden.md", "jill-biden", "Jill Biden", nil, nil),
		actor("content/actors/jonas-muller.md", "jonas-muller", "Jonas Müller", []string{"Müller"}, nil),
		actor("content/actors/clara-de-luca.md", "clara-de-luca", "Clara De Luca", []string{"De Luca"}, nil),
		actor("content/actors/paolo-de-luca.md", "paolo-de-luca", "Paolo De Luca", nil, nil),
	)
	for _, a := range as {
		a.Kind = model.Person
		a.Gender = "male"
		switch a.Slug {
		case "united-states", "russia":
			a.Kind, a.Gender = model.Country, ""
		case "nato":
			a.Kind, a.Gender = model.Organization, ""
		case "hillary-clinton", "annalena-baerbock", "jill-biden", "clara-de-luca":
			a.Gender = "female"
		}
	}
	m, ds := NewMatcher(as)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return m
}

func TestQuotes(t *testing.T) {
	m := quoteActors(t)
	type q struct{ text, speaker, name string }
	tests := []struct {
		name  string
		paras []string
		want  []q
	}{
		{"after", []string{"“We will not back down,” Putin said."}, []q{{"We will not back down", "vladimir-putin", "Vladimir Putin"}}},
		{"verb first", []string{"“We will not back down,” said Vladimir Putin, the Russian president."}, []q{{"We will not back down", "vladimir-putin", "Vladimir Putin"}}},
		{"straight marks", []string{`"We will not back down," Putin said.`}, []q{{"We will not back down", "vladimir-putin", "Vladimir Putin"}}},
		{"before with colon", []string{"Putin told reporters: “The talks were useful.”"}, []q{{"The talks were useful.", "vladimir-putin", "Vladimir Putin"}}},
		{"according to", []string{"According to Peskov, “no deal was reached”."}, []q{{"no deal was reached", "dmitry-peskov", "Dmitry Peskov"}}},
		{"misspelling", []string{"“We are in lockstep,” Schulz told reporters."}, []q{{"We are in lockstep", "olaf-scholz", "Olaf Scholz"}}},
		{"continuation and adding", []string{"“I am not naive… Nobody expects miracles,” Macron said, adding: “But we keep talking.” “It is worth it.”"},
			[]q{{"I am not naive… Nobody expects miracles", "emmanuel-macron", "Emmanuel Macron"}, {"But we keep talking.", "emmanuel-macron", "Emmanuel Macron"}, {"It is worth it.", "emmanuel-macron", "Emmanuel Macron"}}},
		{"pronoun in next paragraph", []string{"Olaf Scholz met Putin in Moscow on Tuesday.", "“That is a good sign,” he said."}, []q{{"That is a good sign", "olaf-scholz", "Olaf Scholz"}}},
		{"pronoun skips names inside quotes", []string{"“Mr Macron is right,” Putin said.", "“We will talk to Macron again,” he said."},
			[]q{{"Mr Macron is right", "vladimir-putin", "Vladimir Putin"}, {"We will talk to Macron again", "vladimir-putin", "Vladimir Putin"}}},
		{"unknown speaker", []string{"“These moves are temporary,” said John Kirby, the Pentagon press secretary."}, []q{{"These moves are temporary", "", "John Kirby"}}},
		{"description", []string{"“We will win,” the president said."}, []q{{"We will win", "", "the president"}}},
		{"description with a name is no actor", []string{"“No comment,” a Kremlin spokesman said."}, []q{{"No comment", "", "a Kremlin spokesman"}}},
		{"no attribution", []string{"“Hope” was written on the wall."}, nil},
		{"unclosed", []string{"“We will never accept it"}, nil},

		// Single quotation marks (UK papers) and apostrophes.
		{"single marks", []string{"‘We will not be bullied,’ Scholz told MPs."}, []q{{"We will not be bullied", "olaf-scholz", "Olaf Scholz"}}},
		{"single marks around apostrophes", []string{"Putin said the West’s offer was ‘a start, but it’s not enough’ and left."},
			[]q{{"a start, but it’s not enough", "vladimir-putin", "Vladimir Putin"}}},
		{"plural possessive inside single marks", []string{"‘The ministers’ plan is dead,’ Macron said."}, []q{{"The ministers’ plan is dead", "emmanuel-macron", "Emmanuel Macron"}}},
		{"s’ closing before the next quote", []string{"Trump called the talks ‘useless’ and the deal ‘a disgrace’."},
			[]q{{"useless", "donald-trump", "Donald Trump"}, {"a disgrace", "donald-trump", "Donald Trump"}}},
		{"s’ closing at the end", []string{"Baerbock described the demands as ‘outrageous’ and walked out."}, []q{{"outrageous", "annalena-baerbock", "Annalena Baerbock"}}},
		{"double marks nested in single", []string{"‘He called it “a farce”, and it was,’ Peskov said."}, []q{{"He called it “a farce”, and it was", "dmitry-peskov", "Dmitry Peskov"}}},
		{"straight single marks", []string{"'Russia's patience is not endless,' Peskov said."}, []q{{"Russia's patience is not endless", "dmitry-peskov", "Dmitry Peskov"}}},
		{"guillemets", []string{"«Nous sommes prêts», Macron said."}, []q{{"Nous sommes prêts", "emmanuel-macron", "Emmanuel Macron"}}},
		{"apostrophes alone are no quote", []string{"Putin’s aides said the ’90s were over, and Scholz’s team agreed."}, nil},

		// Partial quotes of any length, attributed by a speech or stance
		// verb whose subject is a speaker.
		{"partial after said", []string{"Macron said he and Putin were “in agreement on several points” after the talks."}, []q{{"in agreement on several points", "emmanuel-macron", "Emmanuel Macron"}}},
		{"partial called", []string{"Gail Porter called the ruling “one of the great miscarriages of justice in this state”."},
			[]q{{"one of the great miscarriages of justice in this state", "", "Gail Porter"}}},
		{"partial described as", []string{"Annalena Baerbock met the envoy on Friday.", "She described the offer as “a good start” but no more."},
			[]q{{"a good start", "annalena-baerbock", "Annalena Baerbock"}}},
		{"partial vowed to", []string{"Trump vowed to “keep fighting” in the courts."}, []q{{"keep fighting", "donald-trump", "Donald Trump"}}},
		{"partial said he was", []string{"Peskov said he was “deeply concerned” by the reports."}, []q{{"deeply concerned", "dmitry-peskov", "Dmitry Peskov"}}},
		{"partial warned with a speaker", []string{"Scholz warned of “serious consequences” if troops crossed the border."}, []q{{"serious consequences", "olaf-scholz", "Olaf Scholz"}}},
		{"partial on what X called", []string{"Troops moved into the region on what the Kremlin called a “peacekeeping” mission."}, []q{{"peacekeeping", "russia", "Russia"}}},
		{"scare quotes with nobody speaking", []string{"There were warnings of “serious consequences” and talk of a “special military operation”."}, nil},
		{"participle is no speaker", []string{"A group called “Friends of the Lake” held a vigil, police said."}, nil},
		{"so-called is no verb", []string{"The so-called “peace plan” was never published."}, nil},
		{"passive stance verb", []string{"The plan was described as “dead on arrival” in Congress."}, nil},
		{"title in title case", []string{"Macron said he had reread “War and Peace” over the summer."}, nil},
		{"thing as subject", []string{"The report called the response “slow and uneven”."}, nil},

		// Which verb's subject speaks.
		{"verb after a modal is inside what is said", []string{"Mr. Trump, speaking from Florida, told Putin that the United States and NATO would respond “without hesitation” to any attack."},
			[]q{{"without hesitation", "donald-trump", "Donald Trump"}}},
		{"coordinated verb shares the subject", []string{"A senior Pentagon official, who briefed reporters on condition of anonymity, called the plan “ambitious” but said there was “no sign of a retreat”."},
			[]q{{"ambitious", "", "A senior Pentagon official"}, {"no sign of a retreat", "", "A senior Pentagon official"}}},
		{"coordinated verb with no earlier speech verb", []string{"North Korea recalled its envoy and expressed “grave concern” over the drills."},
			[]q{{"grave concern", "", "North Korea"}}},
		{"participle after a comma", []string{"He spoke last.", "Putin rejected the idea that talks had failed, calling it “a Western fantasy”."},
			[]q{{"a Western fantasy", "vladimir-putin", "Vladimir Putin"}}},
		{"participle after the clause's own verb", []string{"In Kharkiv, Volodymyr Zelensky urged calm, saying fear was “what the enemy wants”."},
			[]q{{"what the enemy wants", "", "Volodymyr Zelensky"}}},
		{"participle after by", []string{"Macron opened the summit by telling the delegates that peace was “in your hands”."},
			[]q{{"in your hands", "emmanuel-macron", "Emmanuel Macron"}}},
		{"participle in a second clause", []string{"Maria Lopes, the health minister, said she would stay, and Jorge Vidal, the finance minister, resigned an hour later, calling the cabinet ‘a shambles’."},
			[]q{{"a shambles", "", "Jorge Vidal"}}},
		{"participle after a quote", []string{"“Whoever gets in our way will regret it,” Putin said, adding that the answer would be “immediate”."},
			[]q{{"Whoever gets in our way will regret it", "vladimir-putin", "Vladimir Putin"}, {"immediate", "vladimir-putin", "Vladimir Putin"}}},
		{"a conjunction opens the subject", []string{"“We are relieved,” the owner said in a statement, and Harbor Lines, the firm that runs the ship, said it was “grateful” to the crew."},
			[]q{{"We are relieved", "", "the owner"}, {"grateful", "", "Harbor Lines"}}},
		{"commas inside numbers", []string{"Duda, whose country has taken in about 1,700 of the 3,000 troops sent last week, called the visit “a sign of unity”."},
			[]q{{"a sign of unity", "", "Duda"}}},
		{"stance verbs cite and compare", []string{"Putin put his forces on alert, citing “hostile statements”.", "Peter Vos, the salvage chief, compared the ship to a “beached whale”."},
			[]q{{"hostile statements", "vladimir-putin", "Vladimir Putin"}, {"beached whale", "", "Peter Vos"}}},

		// Colon introductions with any verb or none.
		{"colon with other verb", []string{"Helen Marsh sighed: “We have been here before.”"}, []q{{"We have been here before.", "", "Helen Marsh"}}},
		{"round-up line", []string{"Anna Diaz, Channel 4: “Nobody in this room believes the figures.”"}, []q{{"Nobody in this room believes the figures.", "", "Anna Diaz"}}},
		{"colon after an adverbial", []string{"In Berlin, Scholz was blunt: “This pipeline will not open.”"}, []q{{"This pipeline will not open.", "olaf-scholz", "Olaf Scholz"}}},
		{"round-up line with a place", []string{"Lena Park, Radio East, in Warsaw: “The trains from the border arrive every hour.”"},
			[]q{{"The trains from the border arrive every hour.", "", "Lena Park"}}},
		{"round-up line with a description", []string{"Omar Said, our correspondent in Aleppo: “Nobody has slept for two nights.”", "Jean Roux, the head of the union, at a rally in Lyon after the vote: “We will strike.”"},
			[]q{{"Nobody has slept for two nights.", "", "Omar Said"}, {"We will strike.", "", "Jean Roux"}}},
		{"live-blog time stamp", []string{"14:05 GMT — Scholz, in his speech to the Bundestag: “We will not be divided.”", "14:20 GMT — Chancellor Scholz told MPs that a split would be “a gift to Moscow”."},
			[]q{{"We will not be divided.", "olaf-scholz", "Olaf Scholz"}, {"a gift to Moscow", "olaf-scholz", "Olaf Scholz"}}},
		{"dateline", []string{"BERLIN — Scholz said the pipeline would stay “on hold” for now."}, []q{{"on hold", "olaf-scholz", "Olaf Scholz"}}},
		{"colon without a speaker", []string{"The message on the banner was plain: “Go home.”"}, nil},

		// Inverted attribution with organisations, titles and lexicon verbs.
		{"said X of Y", []string{"“Tariffs are a tax on our own shoppers,” said Edward Ruiz of the Council on Trade."},
			[]q{{"Tariffs are a tax on our own shoppers", "", "Edward Ruiz"}}},
		{"said X, a fellow at", []string{"“The sanctions bite slowly,” said Maria Chen, a senior fellow at the Atlantic Institute."},
			[]q{{"The sanctions bite slowly", "", "Maria Chen"}}},
		{"lexicon verb quipped", []string{"“I have had longer lunches,” quipped Tom Reyes, the chief negotiator."}, []q{{"I have had longer lunches", "", "Tom Reyes"}}},
		{"lexicon verb emailed", []string{"“The company does not comment on rumours,” a spokeswoman emailed."}, []q{{"The company does not comment on rumours", "", "a spokeswoman"}}},
		{"phrasal verb pointed out", []string{"“Nobody has seen the text yet,” Scholz pointed out."}, []q{{"Nobody has seen the text yet", "olaf-scholz", "Olaf Scholz"}}},
		{"title before a name", []string{"“The door remains open,” Kremlin spokesman Dmitry Peskov told reporters."}, []q{{"The door remains open", "dmitry-peskov", "Dmitry Peskov"}}},

		// Speakers: appositions, publishers, titles and family names.
		{"long apposition", []string{"Republican pollster Bill Ortiz, part of a team that advised two governors, said: “Turnout will decide it.”"},
			[]q{{"Turnout will decide it.", "", "Bill Ortiz"}}},
		{"name before a description", []string{"“We cannot give a date,” Osman Kaya, the head of the port authority, told state television."},
			[]q{{"We cannot give a date", "", "Osman Kaya"}}},
		{"publisher", []string{"“The deal is all but done,” wrote The Courier.", "“Only the signatures are missing,” the newspaper reported."},
			[]q{{"The deal is all but done", "", "The Courier"}, {"Only the signatures are missing", "", "The Courier"}}},
		{"sentence-initial The", []string{"The Kremlin said: “There will be no talks.”"}, []q{{"There will be no talks.", "russia", "Russia"}}},
		{"title for the person just named", []string{"Scholz said the talks had been ‘useful’. ‘We will meet again,’ the German leader said."},
			[]q{{"useful", "olaf-scholz", "Olaf Scholz"}, {"We will meet again", "olaf-scholz", "Olaf Scholz"}}},
		{"title for the description just named", []string{"One Labour MP, who asked not to be named, called the plan ‘mad’. ‘Nobody was asked,’ the MP said."},
			[]q{{"mad", "", "One Labour MP"}, {"Nobody was asked", "", "One Labour MP"}}},
		{"title for the person named last", []string{"“We disagree,” Putin said after his talks with Macron. “But we keep talking,” the French president added."},
			[]q{{"We disagree", "vladimir-putin", "Vladimir Putin"}, {"But we keep talking", "emmanuel-macron", "Emmanuel Macron"}}},
		{"title used for someone else", []string{"Putin met the French president on Monday. “It was useful,” the president said."}, []q{{"It was useful", "", "the president"}}},
		{"title of the other gender", []string{"Putin spoke first. “We are ready,” the spokeswoman said."}, []q{{"We are ready", "", "the spokeswoman"}}},
		{"a body speaks", []string{"In a statement, the ministry said it was “deeply concerned” by the move.", "Police said the driver had been “known to them”."},
			[]q{{"deeply concerned", "", "the ministry"}, {"known to them", "", "Police"}}},
		{"possessive body, and a partial quote's attribution stops at a conjunction", []string{"Russia's foreign ministry called the vote “a farce”, and its spokeswoman said more was coming."},
			[]q{{"a farce", "", "Russia's foreign ministry"}}},
		{"a list of countries is one description", []string{"The leaders of Britain, France and Germany said in a statement that the deal was “not open to renegotiation”."},
			[]q{{"not open to renegotiation", "", "The leaders of Britain, France and Germany"}}},
		{"ending marks and interrupted quotes", []string{"“Enough!” shouted Tom Ruiz, the union leader.", "“We fight,” Putin said, “and we will win.”", "“Is this the end?” Baerbock asked."},
			[]q{{"Enough!", "", "Tom Ruiz"}, {"We fight", "vladimir-putin", "Vladimir Putin"}, {"and we will win.", "vladimir-putin", "Vladimir Putin"}, {"Is this the end?", "annalena-baerbock", "Annalena Baerbock"}}},
		{"name after a description", []string{"“I lost everything,” said one resident, Anna Ivanova, 54."}, []q{{"I lost everything", "", "Anna Ivanova"}}},
		{"dash introduction", []string{"Putin was blunt — “we will not retreat”."}, []q{{"we will not retreat", "vladimir-putin", "Vladimir Putin"}}},
		{"relative clause with its own subject", []string{"The agreement, which Putin called “a betrayal”, was signed on Friday."}, []q{{"a betrayal", "vladimir-putin", "Vladimir Putin"}}},
		{"a participle phrase is no speaker", []string{"The statement, signed by 40 ministers, called the attack “barbaric”."}, nil},
		{"title contradicts gender", []string{"“I am proud of our work,” Mrs. Trump said."}, []q{{"I am proud of our work", "", "Mrs. Trump"}}},
		{"title picks the actor of that gender", []string{"“He is the one for this job,” Mrs. Biden told the rally."}, []q{{"He is the one for this job", "jill-biden", "Jill Biden"}}},
		{"another first name", []string{"“We are staying,” Melania Trump said."}, []q{{"We are staying", "", "Melania Trump"}}},
		{"first name after the full name, feature", []string{"Tomas Reyes, a welder who grew up on the levee, was asleep when the siren went. “The water came through the floor,” Tomas said."},
			[]q{{"The water came through the floor", "", "Tomas Reyes"}}},
		{"first names of two siblings", []string{"Ana Ruiz drove north at dawn. Her brother, Pablo Ruiz, stayed behind until the road closed.", "“We left the dog with a neighbour,” Pablo said. “I keep thinking about him,” Ana said later."},
			[]q{{"We left the dog with a neighbour", "", "Pablo Ruiz"}, {"I keep thinking about him", "", "Ana Ruiz"}}},
		{"family name written first, wire", []string{"Li Wenhua, who edits a state-run tabloid, posted a photograph of the man. “He is our reporter,” Mr Li wrote."},
			[]q{{"He is our reporter", "", "Li Wenhua"}}},
		{"a first name opening a sentence is its subject", []string{"Nora Vance, a ferry pilot, lost her boat in the storm.", "Baerbock toured the harbour the next day.", "Back at the dock, Nora pointed at the empty berth. “That was my whole living,” she said."},
			[]q{{"That was my whole living", "", "Nora Vance"}}},
		{"a one-word sentence opener is no subject", []string{"“We were lucky,” Putin said.", "Meanwhile the rain kept falling. “Nobody saw this coming,” he said."},
			[]q{{"We were lucky", "vladimir-putin", "Vladimir Putin"}, {"Nobody saw this coming", "vladimir-putin", "Vladimir Putin"}}},
		{"a titled subject before a full stop, broadcast", []string{"Putin sat beside the governor, Ivan Petrenko. Asked whether the dam would hold, Mr. Petrenko paused. “We built it for a flood like this,” he said."},
			[]q{{"We built it for a flood like this", "", "Petrenko"}}},
		{"an actor's first name stands for nobody", []string{"“We are ready,” Joe told the crowd."}, []q{{"We are ready", "", "Joe"}}},
		{"title contradicts gender: the name as written", []string{"“The heat went at midnight,” said Ms. Muller, who lives on the ground floor."},
			[]q{{"The heat went at midnight", "", "Ms. Muller"}}},
		{"family name after full name", []string{"Hillary Clinton introduced Bill Clinton at the rally.", "“It was a long night,” Clinton said."},
			[]q{{"It was a long night", "bill-clinton", "Bill Clinton"}}},
		{"a title picks the one of that gender named in full", []string{"Hillary Clinton spoke with her husband, former President Bill Clinton, beside her.", "“We fought hard,” Mrs. Clinton said."},
			[]q{{"We fought hard", "hillary-clinton", "Hillary Clinton"}}},
		{"the possessive of an abbreviation opens no quote", []string{"Congress confirmed Joseph R. Biden Jr.'s victory on Thursday, and Putin called the count “a farce”."},
			[]q{{"a farce", "vladimir-putin", "Vladimir Putin"}}},
		{"a name with an of-phrase opening the sentence is its subject, us-politics", []string{"Putin spoke first. Senator Ann Dorsey of Vermont, a Democrat, was unmoved. “This changes nothing,” the senator said."},
			[]q{{"This changes nothing", "", "Ann Dorsey"}}},
		{"a title given in apposition before is no one else's", []string{"Lars Eng, the chief executive of Norfrakt, faced the committee. The 61-year-old executive said little. “I was not on the ship,” he said."},
			[]q{{"I was not on the ship", "", "Lars Eng"}}},
		{"an apposition closing a longer segment", []string{"Putin had harsh words for the governor of the region, Ivan Sokol, who stayed away. The governor, speaking on the radio, said he had acted “by the book”."},
			[]q{{"by the book", "", "Ivan Sokol"}}},
		{"a description opening a sentence before any verb is the pronoun's", []string{"“We said no,” said Eleni Raptis, a teacher. Her husband was less sure. “We have no money,” he said."},
			[]q{{"We said no", "", "Eleni Raptis"}, {"We have no money", "", "Her husband"}}},
		{"a capitalised title after The is a description, not a publication, us-politics", []string{"Senator Josh Hawley did not back down. The Missouri Republican said he would keep objecting “for the millions who doubt”."},
			[]q{{"for the millions who doubt", "", "Josh Hawley"}}},
		{"a titled name before any verb opens its sentence", []string{"“I apologise,” said Joe Barton, a congressman.", "Putin spoke next. Mr. Barton withdrew his apology that evening. “I am sorry,” he said."},
			[]q{{"I apologise", "", "Joe Barton"}, {"I am sorry", "", "Joe Barton"}}},
		{"a conjunction opening a sentence is no name", []string{"“We need heat,” Mr. Turner said. Or Representative Ana Ortiz of New York, who drove down with water. (“They need help,” she said.)"},
			[]q{{"We need heat", "", "Turner"}, {"They need help", "", "Ana Ortiz"}}},
		{"a pronoun opening the sentence keeps its person, not a titled name after it", []string{"Senator Ann Dorsey followed him.", "Senator Tom Hale compared the day with Pearl Harbor. “We will remember this day the way we remember Pearl Harbor,” the senator said. He put the blame on Mr. Trump directly: “Much of the blame lies with this president.”"},
			[]q{{"We will remember this day the way we remember Pearl Harbor", "", "Tom Hale"}, {"Much of the blame lies with this president.", "", "Tom Hale"}}},
		{"the organisation last named is \"the organisation\"", []string{"NATO confirmed that the exercise will go ahead. The organisation urged members to “stay calm”."},
			[]q{{"stay calm", "nato", "NATO"}}},
		{"a transcript label is no part of the sentence, interview", []string{"Q: Tom Reyes walked out of prison on Monday. Do you agree with him?", "A: Tom said to me, “She should step down.”"},
			[]q{{"She should step down.", "", "Tom Reyes"}}},
		{"an answer opening a sentence is no name", []string{"Q: Hillary Clinton apologised today. Is that enough?", "A: No. She said, “I have heard you.”"},
			[]q{{"I have heard you.", "hillary-clinton", "Hillary Clinton"}}},
		{"a title of place holds its of, uk-paper", []string{"In a statement, the Duke of Westshire, who as Earl Marshal runs the ceremony, said it was his ‘solemn duty’ to make it ‘a fitting farewell’."},
			[]q{{"solemn duty", "", "Duke of Westshire"}, {"a fitting farewell", "", "Duke of Westshire"}}},
		{"a club speaks as one", []string{"FC Dorland played its match behind closed doors on Sunday in protest. The club said in a statement that it condemned “any action that stops fans from voting”."},
			[]q{{"any action that stops fans from voting", "", "The club"}}},
		{"a reflexive after the subject", []string{"NATO itself said last month that the figures “vastly underestimate” the damage."},
			[]q{{"vastly underestimate", "nato", "NATO"}}},
		{"a description after and opens a new clause, interview", []string{"A: Last week I stood at the gate of one of the centres and a nurse said to me, “We send people away at this gate, and they die outside.”"},
			[]q{{"We send people away at this gate, and they die outside.", "", "a nurse"}}},
		{"I in an answer is the one interviewed, interview", []string{"Putin had spoken an hour earlier. We spoke to Nora Vance, a ferry pilot, by telephone.", "Q: What did you tell him?", "A: I told him plainly: “We are not leaving.” Then I said his plan was “a disgrace”."},
			[]q{{"We are not leaving.", "", "Nora Vance"}, {"a disgrace", "", "Nora Vance"}}},
		{"family name of an unknown name", []string{"“Turnout will decide it,” said Bill Ortiz, a pollster.", "“Nobody knows,” Ortiz added."},
			[]q{{"Turnout will decide it", "", "Bill Ortiz"}, {"Nobody knows", "", "Bill Ortiz"}}},
		{"she skips men", []string{"Baerbock spoke to Putin by phone.", "“It was a frank call,” Scholz said.", "“We disagree on everything,” she said."},
			[]q{{"It was a frank call", "olaf-scholz", "Olaf Scholz"}, {"We disagree on everything", "annalena-baerbock", "Annalena Baerbock"}}},
		{"he is the subject, not a name in a phrase", []string{"Macron spoke for an hour after his talks with Putin.", "“We found common ground,” he said."},
			[]q{{"We found common ground", "emmanuel-macron", "Emmanuel Macron"}}},
		{"subject after an adverbial clause", []string{"After meeting Putin, Scholz flew home.", "“I am not naive,” he said."},
			[]q{{"I am not naive", "olaf-scholz", "Olaf Scholz"}}},
		{"apposition subject", []string{"Russia's ambassador, Vassily Nebenzia, told the council it was not at war.", "“We are defending people,” he said."},
			[]q{{"We are defending people", "", "Vassily Nebenzia"}}},

		{"long sentence with no speech verb", []string{"Scholz wrote to party members in a letter sent at 9:15 p.m. Eastern time, while he stayed with his old friends at a lake house near Bath, Maine, for the weekend. He wrote that the talks were “worth the cold”."},
			[]q{{"worth the cold", "olaf-scholz", "Olaf Scholz"}}},
		{"pronoun after according to", []string{"“The talks are over,” said Ivan Petrov, a delegate.", "The truce would last a month, according to Mykola Bondar, an aide to Zelensky. He called the draft “a first step”."},
			[]q{{"The talks are over", "", "Ivan Petrov"}, {"a first step", "", "Mykola Bondar"}}},
		{"titled name after an adverbial", []string{"Putin spoke on television on Sunday.", "Back at the station, Ms. Orlova counted the bags.", "“Nobody has come for them,” she said."},
			[]q{{"Nobody has come for them", "", "Orlova"}}},
		{"titled name with no speech verb", []string{"“We will be back,” said Luc Girard, the party's leader. Mrs. Aubert was calmer. “It is only a delay,” she told supporters."},
			[]q{{"We will be back", "", "Luc Girard"}, {"It is only a delay", "", "Aubert"}}},
		{"participle opening a sentence", []string{"Trump spoke for an hour.", "Standing in the rain outside the courthouse, the former president waved at a crowd that chanted his name. “This is a witch hunt,” he said."},
			[]q{{"This is a witch hunt", "donald-trump", "Donald Trump"}}},
		{"capitalised words before a noun are no name", []string{"Scholz spoke first.", "European Union leaders met in Brussels.", "“We are ready,” he said."},
			[]q{{"We are ready", "olaf-scholz", "Olaf Scholz"}}},

		// Quotes across paragraphs.
		{"open quote continues", []string{"Macron said: “We talked for five hours.", "“And we will talk again next week.”"},
			[]q{{"We talked for five hours.", "emmanuel-macron", "Emmanuel Macron"}, {"And we will talk again next week.", "emmanuel-macron", "Emmanuel Macron"}}},
		{"whole paragraph then attribution", []string{"Scholz arrived in Washington on Monday.", "“The pipeline question is settled.”", "“There is nothing more to say,” he added."},
			[]q{{"The pipeline question is settled.", "olaf-scholz", "Olaf Scholz"}, {"There is nothing more to say", "olaf-scholz", "Olaf Scholz"}}},
		{"open paragraph attributed later", []string{"“We have been patient for a long time.", "“But patience has limits,” Putin said."},
			[]q{{"We have been patient for a long time.", "vladimir-putin", "Vladimir Putin"}, {"But patience has limits", "vladimir-putin", "Vladimir Putin"}}},
		{"colon ends a paragraph", []string{"Peskov told reporters on Monday:", "“No decision has been taken.”"},
			[]q{{"No decision has been taken.", "dmitry-peskov", "Dmitry Peskov"}}},
		{"whole paragraph with no attribution", []string{"“Nothing will change.”", "The talks ended at noon."}, nil},

		// Round 3 (train batch 3): shapes of UK sketches, wire copy,
		// live-blog round-ups and broadcast scripts.
		{"quote in parentheses", []string{"Baerbock took questions for an hour. Would she resign? (‘Never,’ she said.) Would she stand again? (‘We will see.’)"},
			[]q{{"Never", "annalena-baerbock", "Annalena Baerbock"}, {"We will see.", "annalena-baerbock", "Annalena Baerbock"}}},
		{"post quoted in parentheses", []string{"Macron had urged the country to stay calm. (“Nobody will take the Games from us,” he wrote on X.) The rain went on."},
			[]q{{"Nobody will take the Games from us", "emmanuel-macron", "Emmanuel Macron"}}},
		{"long apposition between quote and verb", []string{"“We only came to be heard,” Mira Osei, a nurse who had marched from the port with her two sons and a neighbour, said by phone."},
			[]q{{"We only came to be heard", "", "Mira Osei"}}},
		{"known name as a modifier of a titled name", []string{"U.S. Ambassador Linda Greer said Washington stood “shoulder to shoulder” with Kyiv. NATO spokeswoman Oana Lungu said the allies were “ready to respond”."},
			[]q{{"shoulder to shoulder", "", "Linda Greer"}, {"ready to respond", "", "Oana Lungu"}}},
		{"title given by the article", []string{"Prime Minister Mark Ruiter spoke in The Hague on Monday.", "Asked about the plan later, Kees Vos said it was “a start”. The prime minister said it was “dead on arrival”."},
			[]q{{"a start", "", "Kees Vos"}, {"dead on arrival", "", "Mark Ruiter"}}},
		{"title in an alias", []string{"Chancellor Scholz landed in Kyiv on Monday.", "“We are here to listen,” the chancellor told reporters."},
			[]q{{"We are here to listen", "olaf-scholz", "Olaf Scholz"}}},
		{"title given to two people names neither", []string{"Foreign Minister Ana Lobo met Foreign Minister Karl Berg in Lisbon.", "The foreign minister later said the meeting was “a good start”."},
			[]q{{"a good start", "", "The foreign minister"}}},
		{"capitalised title after a determiner is no name", []string{"In Cardiff, Mark Drake said the vote was ‘a disgrace’. A fresh poll, the First Minister said, was ‘now likely’."},
			[]q{{"a disgrace", "", "Mark Drake"}, {"now likely", "", "Mark Drake"}}},
		{"relative clause with its own subject", []string{"The diplomats, whom Macron described as “spies in suits”, must leave within a week."},
			[]q{{"spies in suits", "emmanuel-macron", "Emmanuel Macron"}}},
		{"clause word before a name with an apposition", []string{"The coup was announced late at night, when Colonel Ali Sow, flanked by six officers, said on television that the army had “taken charge”."},
			[]q{{"taken charge", "", "Ali Sow"}}},
		{"passive speech verb names no speaker", []string{"“We will restore order,” Putin said, adding that the army had been told to do “whatever it takes”."},
			[]q{{"We will restore order", "vladimir-putin", "Vladimir Putin"}, {"whatever it takes", "vladimir-putin", "Vladimir Putin"}}},
		{"broadcasters and missions speak", []string{"State television had warned marchers that they risked being “shot where they stand”. The IMF mission said a deal was “months away”."},
			[]q{{"shot where they stand", "", "State television"}, {"months away", "", "The IMF mission"}}},
		{"round-up line with a description after the name", []string{"Andrea Cole, governor of Oregon, Salem, 2 p.m.: “We are not done yet.”", "Dr. Sam Ito, director of the county health office, standing beside her: “The curve is bending.”"},
			[]q{{"We are not done yet.", "", "Andrea Cole"}, {"The curve is bending.", "", "Sam Ito"}}},

		// Round 4: the subject of the speech verb, not a name in a phrase
		// or apposition between them; titles and initials.
		{"phrase with an apposition between subject and verb", []string{"Dana Holt, for the families, Sergio Vance, argued that the inquiry had been ‘a whitewash’."},
			[]q{{"a whitewash", "", "Dana Holt"}}},
		{"list after including is no subject", []string{"The foreign ministers of nine states, including Chile, Peru and Ghana, said in a letter that the vote was “deeply flawed”."},
			[]q{{"deeply flawed", "", "The foreign ministers of nine states"}}},
		{"participle phrase between subject and verb", []string{"Putin spoke first.", "Her niece, writing on a family blog, said nobody had called. “We learned it from the radio,” she said."},
			[]q{{"We learned it from the radio", "", "Her niece"}}},
		{"according to a document is the subject's", []string{"The Kremlin, according to a note from its press service, called the sanctions “economic war”."},
			[]q{{"economic war", "russia", "Russia"}}},
		{"who after a name in a phrase", []string{"The ruling was a setback for Annalena Baerbock, who said within minutes that the court had been “badly misled”."},
			[]q{{"badly misled", "annalena-baerbock", "Annalena Baerbock"}}},
		{"who after an apposition", []string{"The fares will double, said Lena Brock, the chief executive of the operator Metrolink, who told local radio that “every penny” would go to repairs."},
			[]q{{"every penny", "", "Lena Brock"}}},
		{"a clause after a semicolon", []string{"Oleg Brun, a former colonel, fled in 2019; a tribunal concluded last year that his unit had “acted on orders”."},
			[]q{{"acted on orders", "", "a tribunal"}}},
		{"a sentence closed in parentheses", []string{"(“We are ready,” Macron wrote on X.) Hanna Berg, the head of the city council, said she had “every confidence” in the police."},
			[]q{{"We are ready", "emmanuel-macron", "Emmanuel Macron"}, {"every confidence", "", "Hanna Berg"}}},
		{"a relative clause in a description", []string{"Outside the courthouse, farmers who had driven in overnight said the ruling was “a betrayal”."},
			[]q{{"a betrayal", "", "farmers who had driven in overnight"}}},
		{"a preposition opening a sentence is no name", []string{"During the visit, the mayor compared the flood with an earlier one, and called it “a small event” by comparison."},
			[]q{{"a small event", "", "the mayor"}}},
		{"title for the person named in the paragraph before", []string{"Schools will close from Monday, as Macron ordered on Sunday.", "In a short address from Paris, the president told viewers: “This will be hard.”"},
			[]q{{"This will be hard.", "emmanuel-macron", "Emmanuel Macron"}}},
		{"a named person after a description is he", []string{"The envoy, speaking in Geneva, said talks would go on. Putin, however, was unmoved. “We will wait,” he said."},
			[]q{{"We will wait", "vladimir-putin", "Vladimir Putin"}}},
		{"a description of someone of the other gender", []string{"Putin arrived late. The spokeswoman, standing beside him, said nothing. “We are ready,” he said."},
			[]q{{"We are ready", "vladimir-putin", "Vladimir Putin"}}},
		{"a family name alias as someone's first name", []string{"“The line will reopen on Monday,” said Biden Osei, the rail operator's chief engineer."},
			[]q{{"The line will reopen on Monday", "", "Biden Osei"}}},
		{"middle initials", []string{"Foreign Minister Vladimir V. Putin said Moscow was “not to blame”.", "“It was a warning,” said Karl T. Meyer, an analyst."},
			[]q{{"not to blame", "vladimir-putin", "Vladimir Putin"}, {"It was a warning", "", "Karl T. Meyer"}}},
		{"of inside a name opened by The", []string{"The Bank of Dorland, in a statement, said the rate rise was “unavoidable”."},
			[]q{{"unavoidable", "", "The Bank of Dorland"}}},
		{"title before a mention anywhere", []string{"The toll rose to 40 when President Trump landed on Tuesday.", "Later the president called the storm “a tough one”."},
			[]q{{"a tough one", "donald-trump", "Donald Trump"}}},
		{"title of a description in apposition", []string{"The Speaker, Anne Laurel, stood to call for quiet.", "‘Order!’ shouted the Speaker."},
			[]q{{"Order!", "", "Anne Laurel"}}},
		{"title of a description after the name", []string{"His sister, Rosa Melo, a doctor who flew in from Lisbon, was calmer.", "“We will rebuild,” the doctor said."},
			[]q{{"We will rebuild", "", "Rosa Melo"}}},
		{"an age for the person named before", []string{"Putin arrived late. “We had no choice,” the 69-year-old said."},
			[]q{{"We had no choice", "vladimir-putin", "Vladimir Putin"}}},
		{"a nationality for the person named before", []string{"Macron spoke first. “Europe must wake up,” the Frenchman said, and then, after a pause, the Frenchman added: “Now.”"},
			[]q{{"Europe must wake up", "emmanuel-macron", "Emmanuel Macron"}, {"Now.", "emmanuel-macron", "Emmanuel Macron"}}},
		{"an indefinite description in apposition to the subject", []string{"Putin flew in on Monday.", "The president, a former intelligence officer, said the talks had been “useful”."},
			[]q{{"useful", "vladimir-putin", "Vladimir Putin"}}},
		{"a body with a modifier", []string{"NATO met in Brussels on Monday. “We are ready to defend every ally,” the military alliance said."},
			[]q{{"We are ready to defend every ally", "nato", "NATO"}}},
		{"a body with a modifier in a later paragraph", []string{"NATO met in Brussels on Monday.", "“Power is back in most of the city,” the grid operator said."},
			[]q{{"Power is back in most of the city", "", "the grid operator"}}},
		{"it for the organisation", []string{"NATO met in Brussels on Monday. “The door stays open,” it said."},
			[]q{{"The door stays open", "nato", "NATO"}}},
		{"a plural description with a phrase", []string{"“Rates will fall,” said Karl Ostend, an economist. Analysts at Morrow Kline said the cut could come in June: “And that is the optimistic case.”"},
			[]q{{"Rates will fall", "", "Karl Ostend"}, {"And that is the optimistic case.", "", "Analysts at Morrow Kline"}}},
		{"a title someone unnamed had before the person last named", []string{"Later a woman in the audience, a nurse from Leeds, asked both men about hospitals. Putin said they were safe; Macron said they were funded. “I have heard that before,” the nurse said."},
			[]q{{"I have heard that before", "", "the nurse"}}},
		{"a family name of two words and a title", []string{"Her brother, Paolo De Luca, ran the firm. “It was never about money,” Mr. De Luca said."},
			[]q{{"It was never about money", "paolo-de-luca", "Paolo De Luca"}}},
		{"according to between a verb and its clause", []string{"Putin met Macron on Monday. He told him, according to a person briefed on the talks, that the offer was final: “We will not wait.”"},
			[]q{{"We will not wait.", "vladimir-putin", "Vladimir Putin"}}},
		{"an adverb before a pronoun in a colon introduction", []string{"Macron listened. Then he turned to the cameras: “This is a test.”"},
			[]q{{"This is a test.", "emmanuel-macron", "Emmanuel Macron"}}},
		{"a description as the subject of a colon introduction", []string{"Dmitry Peskov, the Kremlin spokesman, took questions. Asked whether the talks would resume, the spokesman shrugged: “We will see.”"},
			[]q{{"We will see.", "dmitry-peskov", "Dmitry Peskov"}}},
		{"a description with its relative clause before a colon", []string{"Traders were gloomy. One of them, an economist who had worked there for years, put it simply: “Nobody knows.”"},
			[]q{{"Nobody knows.", "", "an economist who had worked there for years"}}},
		{"a description for the person before it, not a name in its clause", []string{"Clara De Luca, the party's lawyer, stood beside him. The barrister, who had argued that Putin misled the court, called for an inquiry: “The record is clear.”"},
			[]q{{"The record is clear.", "clara-de-luca", "Clara De Luca"}}},
		{"a pronoun before an auxiliary", []string{"A senior aide, who had flown in from Paris, said talks were over.", "Macron was calmer. “Nothing is over,” he had said earlier."},
			[]q{{"Nothing is over", "emmanuel-macron", "Emmanuel Macron"}}},
		{"who after an apposition to a name in a phrase", []string{"Start with Karl Ostend, the former minister, who wrote last week that voters would wait “for longer than three days”."},
			[]q{{"for longer than three days", "", "Karl Ostend"}}},
		{"one word after an indefinite is a description", []string{"Putin left early. ‘We got further than I expected,’ one Conservative said."},
			[]q{{"We got further than I expected", "", "one Conservative"}}},
		{"one of them after a plural subject", []string{"Opposition members shouted from the benches; one of them called the inspections “a joke”."},
			[]q{{"a joke", "", "one of them"}}},
		{"head of a description before its phrase", []string{"Ian Dunlop, the SNP's man at Westminster, was loudest. Scotland had voted to stay, the member for Perth told MPs, and ‘will not be dragged out’."},
			[]q{{"will not be dragged out", "", "Ian Dunlop"}}},

		// Round 8: the organisation that last spoke is "it"; a pronoun
		// with no subject of its gender is the person of that gender
		// named as an object; "of two" ends a description; a possessive
		// opening a colon introduction.
		{"it for the country or body that last spoke", []string{"“The door stays open,” the Kremlin said on Monday.", "Putin flew to Minsk.", "“We are ready,” it added."},
			[]q{{"The door stays open", "russia", "Russia"}, {"We are ready", "russia", "Russia"}}},
		{"a pronoun for the person of its gender named as an object", []string{"Macron thanked Annalena Baerbock for the visit. “We will stand together,” she said."},
			[]q{{"We will stand together", "annalena-baerbock", "Annalena Baerbock"}}},
		{"a pronoun for the object named in the paragraph before", []string{"Macron thanked Annalena Baerbock for the visit.", "“We will stand together,” she said."},
			[]q{{"We will stand together", "annalena-baerbock", "Annalena Baerbock"}}},
		{"a pronoun prefers the subject of its gender to an object", []string{"Annalena Baerbock thanked Jill Biden. “We will stand together,” she said."},
			[]q{{"We will stand together", "annalena-baerbock", "Annalena Baerbock"}}},
		{"a description ending in of and a number", []string{"“We left at night,” the father of three said.", "“Nobody came,” a mother of 2 told reporters."},
			[]q{{"We left at night", "", "the father of three"}, {"Nobody came", "", "a mother of 2"}}},
		{"a plural noun after of and a number is no verb", []string{"Putin spoke first. The first of two reports was ready, and “we will publish it”, he said."},
			[]q{{"we will publish it", "vladimir-putin", "Vladimir Putin"}}},
		{"a possessive opening a colon introduction", []string{"Macron spoke last. His message was simple: “Europe must act.”", "Annalena Baerbock followed. Her answer came fast: “No.”"},
			[]q{{"Europe must act.", "emmanuel-macron", "Emmanuel Macron"}, {"No.", "annalena-baerbock", "Annalena Baerbock"}}},
		{"a name after an inverted speech verb is he later", []string{"His widow, Rosa Melo, told the radio: ‘He wanted them home.’", "The boys will stay in hospital, said Karl Ostend, a health official. ‘Their parents will visit,’ he said. Schools reopen soon, said Dana Holt. ‘We are ready,’ she said."},
			[]q{{"He wanted them home.", "", "Rosa Melo"}, {"Their parents will visit", "", "Karl Ostend"}, {"We are ready", "", "Dana Holt"}}},
		{"an organisation and a rank before a name", []string{"Putin spoke first.", "Coast Guard Rear Admiral Dana Holt told reporters that the search was over. “We will not find them,” she said."},
			[]q{{"We will not find them", "", "Dana Holt"}}},
		{"said before a clause names nobody", []string{"Putin spoke first. The talks, he said, were over, and ‘we will wait’, he said."},
			[]q{{"we will wait", "vladimir-putin", "Vladimir Putin"}}},
		{"a possessive owning someone who can speak", []string{"Macron spoke last. His son was blunt: “Europe must act.”", "Putin left. His lawyers were blunt: “No.”"},
			[]q{{"Europe must act.", "", "His son"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []q
			for _, x := range Quotes(tt.paras, m) {
				got = append(got, q{x.Text, x.Speaker, x.SpeakerName})
				if tt.paras[x.Para][x.Start:x.End] != x.Text {
					t.Errorf("offsets [%d:%d] give %q, text %q", x.Start, x.End, tt.paras[x.Para][x.Start:x.End], x.Text)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d: got %q, want %q", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestVerbForms(t *testing.T) {
	for form, particle := range map[string]string{
		"said": "", "says": "", "saying": "", "noted": "", "notes": "", "replied": "", "replies": "", "stressed": "",
		"stresses": "", "quipped": "", "admitted": "", "argued": "", "arguing": "", "emailed": "", "tweeted": "",
		"pointed": "out", "went": "on", "according": "to",
	} {
		got, ok := speechVerbs[form]
		if !ok || got != particle {
			t.Errorf("speech verb %q: particle %q, %v; want %q", form, got, ok, particle)
		}
	}
	for _, noun := range []string{"report", "post", "note", "claim", "comment"} {
		if _, ok := speechVerbs[noun]; ok {
			t.Errorf("%q is listed as a verb form, but reads as a noun far more often", noun)
		}
	}
	for _, form := range []string{"called", "described", "dubbed", "labelled", "hailed"} {
		if _, ok := stanceVerbs[form]; !ok {
			t.Errorf("stance verb %q missing", form)
		}
	}
}

func TestMatcherIgnoresDiacritics(t *testing.T) {
	as := []*model.Actor{
		actor("content/actors/france.md", "france", "France", []string{"the Elysée"}, nil),
		actor("content/actors/anna-muller.md", "anna-muller", "Anna Muller", nil, nil),
		actor("content/actors/jonas-muller.md", "jonas-muller", "Jonas Müller", []string{"Müller"}, nil),
		actor("content/actors/lena-moller.md", "lena-moller", "Lena Møller", []string{"Muller"}, nil),
	}
	m, ds := NewMatcher(as)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	tests := []struct {
		text       string
		actor      string
		start, end int
	}{
		{"Ça alors: the Élysée said no.", "france", len("Ça alors: "), len("Ça alors: the Élysée")},
		{"Both the Elysee and Paris", "france", len("Both "), len("Both the Elysee")},
		{"Anna Müller spoke", "anna-muller", 0, len("Anna Müller")},
		{"Then Müller spoke", "jonas-muller", len("Then "), len("Then Müller")}, // of two, the one written so
		{"Then Muller spoke", "lena-moller", len("Then "), len("Then Muller")},
		{"Jonas Muller spoke", "jonas-muller", 0, len("Jonas Muller")},
		{"Mr Mùller spoke", "", 0, 0}, // two actors fold to it, neither written so
	}
	for _, tt := range tests {
		ms := m.Find(tt.text)
		if tt.actor == "" {
			if len(ms) != 0 {
				t.Errorf("%q: got %v, want no mention", tt.text, ms)
			}
			continue
		}
		if len(ms) != 1 || ms[0].Name.Actor != tt.actor || ms[0].Start != tt.start || ms[0].End != tt.end {
			t.Errorf("%q: got %+v, want %s at [%d:%d]", tt.text, ms, tt.actor, tt.start, tt.end)
		}
	}
	qs := Quotes([]string{"The Élysée said the president would “wait for the new Assembly”."}, m)
	if len(qs) != 1 || qs[0].Speaker != "france" {
		t.Errorf("quote: got %+v, want one by france", qs)
	}
}
