package extract

import (
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// Speakers in the shapes that decide who a pronoun, a title or a
// description stands for, passage by passage in the styles of US
// political reporting, UK papers, wire copy, long-form, live blogs,
// transcripts and court reports. The passages are written for this test
// (invented people where no actor is meant, invented words); each group
// has negative controls. Speakers are checked as in TestQuotesNews.
var speakerTests = []struct {
	name  string
	paras []string
	want  []newsQuote
}{
	// He and she go to the last speaker or subject, a title or a
	// description as subject included, not to a name in a
	// prepositional phrase or an object.
	{"he after a title as subject, uk-paper", []string{
		"Prime Minister Rishi Sunak faced Keir Starmer across the dispatch box on Wednesday.",
		"The Labour leader asked about hospital waiting lists. The Prime Minister listened, then answered a question nobody had put. ‘We have cut the backlog for the third month running,’ he said."},
		[]newsQuote{{"We have cut the backlog for the third month running", "rishi-sunak", ""}}},
	{"he after a title as subject, next sentence, uk-paper", []string{
		"Prime Minister Rishi Sunak faced Keir Starmer on Wednesday.",
		"Starmer pressed him on the economy. The Prime Minister, unusually, did not argue. He said only that he would ‘listen to the Bank’."},
		[]newsQuote{{"listen to the Bank", "rishi-sunak", ""}}},
	{"he after a description as subject, wire", []string{
		"Chuck Schumer toured the shelter on Sunday.",
		"Further along the row, a retired welder had saved a place with a folding chair. ‘I drove down from Dayton last night,’ he said."},
		[]newsQuote{{"I drove down from Dayton last night", "", "a retired welder"}}},
	{"she after a description as subject, long-form", []string{
		"Janet Yellen flew home on Thursday.",
		"At the gate, a schoolteacher from Leeds had slept on the floor for two nights. She had given up on the buses, she said: “They keep promising one at noon.”"},
		[]newsQuote{{"They keep promising one at noon.", "", "a schoolteacher"}}},
	{"he after one man, a description, wire round-up", []string{
		"Washington: Joe Biden spoke from the East Room.",
		"New York: One man, a paramedic who had worked at the site, stood with a flag. “I have waited a long time for this,” he said."},
		[]newsQuote{{"I have waited a long time for this", "", "a paramedic"}}},
	{"he is the subject who tells, not the one told, long-form", []string{
		"In the recording, Colonel Dan Ortiz, the duty officer at the base, tells Mark Reyes that the runway is closed. ‘Nobody lands here tonight,’ he says."},
		[]newsQuote{{"Nobody lands here tonight", "", "Dan Ortiz"}}},
	{"control: said after a comma is inverted, wire", []string{
		"The runway is closed, said Dan Ortiz, the duty officer. ‘Nobody lands here tonight,’ he added."},
		[]newsQuote{{"Nobody lands here tonight", "", "Dan Ortiz"}}},
	{"he after a meeting with someone, us-politics", []string{
		"Schumer spoke to reporters after a meeting with Biden at the White House. “We are close, but we are not there,” he said."},
		[]newsQuote{{"We are close, but we are not there", "chuck-schumer", ""}}},
	{"what she called, us-politics", []string{
		"Pelosi spoke first. Dana Whitfield, the mayor of Flint, condemned what she called the state's “slow betrayal” of the city."},
		[]newsQuote{{"slow betrayal", "", "Dana Whitfield"}}},
	{"she skips men named since, actor genders", []string{
		"Schumer and Pelosi met Biden on Tuesday. Later Biden thanked Schumer. “We owe the president a vote this week,” she said."},
		[]newsQuote{{"We owe the president a vote this week", "nancy-pelosi", ""}}},
	{"control: a thing opening the sentence is no antecedent", []string{
		"Greg Abbott toured the town on Monday.",
		"Further along, a broken truck had blocked the road. ‘We will clear it by noon,’ he said."},
		[]newsQuote{{"We will clear it by noon", "greg-abbott", ""}}},
	{"control: a person by the ending of the noun, wire", []string{
		"Greg Abbott toured the harbour on Monday.",
		"On the quay, a fisherman in a yellow coat had waited all morning. “The boats are all gone,” he said."},
		[]newsQuote{{"The boats are all gone", "", "a fisherman"}}},
	{"control: he with one man named is him", []string{
		"Greg Abbott flew over the flooded towns on Monday. “We will rebuild every one of them,” he said."},
		[]newsQuote{{"We will rebuild every one of them", "greg-abbott", ""}}},

	// A description is the speaker itself, not the person its
	// possessor names.
	{"his daughter is a description, not the person named", []string{
		"Greg Abbott visited the school with his family on Friday. His daughter said the day had been “very moving”."},
		[]newsQuote{{"very moving", "", "His daughter"}}},
	{"a name's lawyer is a description", []string{
		"Trump's lawyer said the charges were “built on sand”."},
		[]newsQuote{{"built on sand", "", "Trump's lawyer"}}},
	{"one of them, a woman who …, shouted at him:, wire", []string{
		"Protesters surrounded Cruz's car outside the plant. One of them, a woman who said she had lost her job there, shouted at him: “You promised us!”"},
		[]newsQuote{{"You promised us!", "", "a woman"}}},

	// A reduced passive is no speaker: "the man described as".
	{"control: the judge described him as", []string{
		"Judge Maria Hollis described the defendant as “a danger to the public”."},
		[]newsQuote{{"a danger to the public", "", "Maria Hollis"}}},

	// "since" inside a relative clause does not end the subject.
	{"since in a relative clause, us-politics", []string{
		"Gov. Andrew Hale, who has led the state since 2019, said the storm was “the worst in memory”."},
		[]newsQuote{{"the worst in memory", "", "Andrew Hale"}}},
	{"since in a relative clause, actor, wire", []string{
		"Abbott, who has been governor since 2015, called the blackout “unacceptable”."},
		[]newsQuote{{"unacceptable", "greg-abbott", ""}}},

	// A title stands for the person named earlier only when no one
	// else has it.
	{"the 78-year-old after two ages, us-politics", []string{
		"Joe Biden, 81, and Donald Trump, 78, will meet in Atlanta. The 78-year-old said the debate would be “a massacre”."},
		[]newsQuote{{"a massacre", "donald-trump", ""}}},
	{"the prime minister, not a name in a prepositional phrase, uk-paper", []string{
		"Prime Minister Rishi Sunak looked across at Starmer once, then back at his notes.",
		"‘This is the moment to hold our nerve,’ the prime minister said."},
		[]newsQuote{{"This is the moment to hold our nerve", "rishi-sunak", ""}}},

	// Transcripts: "you" in a question is the one interviewed.

	// Court reports.
	{"sentencing him, the judge said:, court report", []string{
		"Mark Fenwick, 44, was jailed for nine years at Leeds Crown Court on Friday. Sentencing him, Judge Claire Dunmore said: ‘You showed no remorse at any stage.’"},
		[]newsQuote{{"You showed no remorse at any stage.", "", "Claire Dunmore"}}},
	{"the prosecutor, named before, court report", []string{
		"Prosecutor Helen Marsh told the jury that the fire was set deliberately.",
		"‘He poured the petrol himself,’ the prosecutor said."},
		[]newsQuote{{"He poured the petrol himself", "", "Helen Marsh"}}},

	// Live blogs.
	{"a live blog entry, he after a name", []string{
		"14:05 Zelensky has spoken to reporters in Kyiv. “We will not give up the city,” he said."},
		[]newsQuote{{"We will not give up the city", "volodymyr-zelensky", ""}}},
	// US and wire attribution forms: a party tag in parentheses ends
	// an inverted name; a state after "of" is no name; a title in a
	// round-up line describes the name before it.
	{"US party tag after the name, inverted", []string{
		"“We are not going to cave,” said Rep. Mike Johnson (R-La.) on Thursday."},
		[]newsQuote{{"We are not going to cave", "mike-johnson", ""}}},
	{"senator of a state, who said, then he", []string{
		"On Friday the vote hung on Senator Dale Horton of Nebraska, who said in the morning that he would back the bill. He would vote for it, he said, but only if the agency was given “no more than a month” to report."},
		[]newsQuote{{"no more than a month", "", "Dale Horton"}}},
	{"round-up line with a title and a statement", []string{
		"• Ursula von der Leyen, European Commission president, in a statement: “Europe stands ready to work with the new team.”",
		"• Dale Horton, Nebraska senator, on X: “A good night for the state.”"},
		[]newsQuote{{"Europe stands ready to work with the new team.", "ursula-von-der-leyen", ""}, {"A good night for the state.", "", "Dale Horton"}}},
	{"control: a parenthesis after a description ends it, wire", []string{
		"“We have no comment,” said a spokesman (who declined to be named)."},
		[]newsQuote{{"We have no comment", "", "a spokesman"}}},
	{"control: a round-up line with a reporter's title and place", []string{
		"• Maria Lopez, BBC correspondent, Kyiv: “The sirens started.”"},
		[]newsQuote{{"The sirens started.", "", "Maria Lopez"}}},

	// A document introducing a quote with a colon speaks for its source,
	// or, with none named, for the one who issued it.
	{"the letter went on:, its writer, wire", []string{
		"Zelensky set out his plan in a letter to parliament on Monday. “We will hold elections when the guns fall silent,” he wrote.",
		"The letter went on: “No one will be asked to give up an inch of our land.”"},
		[]newsQuote{{"We will hold elections when the guns fall silent", "volodymyr-zelensky", ""}, {"No one will be asked to give up an inch of our land.", "volodymyr-zelensky", ""}}},
	{"a statement from a body after and, wire", []string{
		"Relatives met the minister at the hotel, and a statement from the families' association went further: “The airline has lied to us from the first day.”"},
		[]newsQuote{{"The airline has lied to us from the first day.", "", "the families' association"}}},
	{"control: a memo with no source names no one", []string{
		"The memo, seen by reporters, was blunt: “Nobody is to speak to the press.”"}, nil},

	// Transcripts: "you" in a question is the one interviewed, and
	// nobody outside a question.
	{"you in a transcript question is the interviewee", []string{
		"We spoke to Dana Ruiz, the mayor of Baytown.",
		"Q: You called the state's plan “a disgrace” last week. Do you stand by that?",
		"A: I do."},
		[]newsQuote{{"a disgrace", "", "Dana Ruiz"}}},
	{"control: you outside a question is no one", []string{
		"We spoke to Dana Ruiz, the mayor of Baytown.",
		"If you called the plan “a disgrace”, nobody in Baytown would argue."}, nil},
	{"he in a labelled answer is not the one answering, press conference", []string{
		"Joe Biden announced on Sunday that he would not seek a second term.",
		"His spokesman, Andrew Bates, took questions at the White House.",
		"Q: Was the president ill?",
		"BATES: No. He wrote in his letter that he had decided “in full freedom”, and I believe him."},
		[]newsQuote{{"in full freedom", "joe-biden", ""}}},
	{"control: he in a label's paragraph with the label's person alone", []string{
		"Andrew Bates took questions at the White House.",
		"BATES: The president called it “a hard choice”, and he meant it."},
		[]newsQuote{{"a hard choice", "", "The president"}}},
	{"he after the one a reporter spoke to, broadcast", []string{
		"CORRESPONDENT: Ted Cruz was not at the scene.",
		"I spoke to one of the survivors, a salesman from Tulsa who had been sitting by the door. He told me: “There was a bang, and then we were all in the water.”"},
		[]newsQuote{{"There was a bang, and then we were all in the water.", "", "a salesman"}}},
	{"she after a named person a reporter talked with, long-form", []string{
		"Greg Abbott toured the shelter on Monday.",
		"We talked with Ana Reyes, who runs the kitchen. She was tired: “We have cooked for four hundred people since dawn.”"},
		[]newsQuote{{"We have cooked for four hundred people since dawn.", "", "Ana Reyes"}}},
	{"control: a thing the reporter spoke about is no antecedent", []string{
		"Greg Abbott toured the shelter on Monday.",
		"I spoke to the volunteers about the supplies afterwards. He was blunt: “We need more water.”"},
		[]newsQuote{{"We need more water.", "greg-abbott", ""}}},
	{"she in an answer is not the one answering, interview", []string{
		"Dana Ruiz was elected mayor of Baytown on Tuesday. We spoke to Maria Lopez, who ran against her.",
		"Q: The new mayor says she will govern for everyone.",
		"A: She said last month that my supporters were “troublemakers”."},
		[]newsQuote{{"troublemakers", "", "Dana Ruiz"}}},

	// A phrase of time opening a clause with no comma after it is no part
	// of the subject: "Minutes earlier the airline", "At one point the
	// senator says", "Hours before the vote, Sen. …".
	{"minutes earlier, the airline as a colon's subject, wire", []string{
		"Northwind Airways grounded its fleet on Monday. Minutes earlier the airline had sent passengers a short notice: “All flights are suspended until further notice.”"},
		[]newsQuote{{"All flights are suspended until further notice.", "northwind-airways", ""}}},
	{"hours later, a title bound before, us-politics", []string{
		"Gov. Greg Abbott declared a disaster in six counties on Monday.",
		"Hours later the governor told reporters that help was “already on the road”."},
		[]newsQuote{{"already on the road", "greg-abbott", ""}}},
	{"at one point, present tense, long-form", []string{
		"In the recording, Sen. Chuck Schumer argues with an aide for ten minutes. At one point the senator says that he is ‘not going to beg’ for the votes."},
		[]newsQuote{{"not going to beg", "chuck-schumer", ""}}},
	{"two days later, a description, uk-paper", []string{
		"Keir Starmer visited the flooded town on Friday.",
		"Two days later a shopkeeper on the high street said: ‘Nobody has come back since.’"},
		[]newsQuote{{"Nobody has come back since.", "", "a shopkeeper"}}},
	{"hours before the vote, up to its comma, us-politics", []string{
		"Hours before the vote, Sen. Ted Cruz stood beside Mitch McConnell and called the bill “a fraud”."},
		[]newsQuote{{"a fraud", "ted-cruz", ""}}},
	{"control: a unit in a name is no phrase of time, wire", []string{
		"Days Inn manager Rob Hale told reporters: “We have no rooms left.”"},
		[]newsQuote{{"We have no rooms left.", "", "Rob Hale"}}},
	{"control: a count of people is the subject, wire", []string{
		"Greg Abbott toured the shelter on Monday. Two volunteers later said the visit was “a distraction”."},
		[]newsQuote{{"a distraction", "", "Two volunteers"}}},

	// A title that a body's possessive names ("the party's chief whip")
	// is someone of that body, not the person last named.
	{"a body's title is not the person last named, wire", []string{
		"His spokesman, Ben Okafor, told reporters that the senator was “resting at home”. Hours later the party's chief whip said the vote would go ahead “as planned”."},
		[]newsQuote{{"resting at home", "", "Ben Okafor"}, {"as planned", "", "the party's chief whip"}}},
	{"control: the title the article gave is still the person", []string{
		"Chuck Schumer, the majority leader, met Republicans on Tuesday. Later the majority leader said the talks had been “useful”."},
		[]newsQuote{{"useful", "chuck-schumer", ""}}},

	// A title and a family name that is no alias ("Mr Hale" after Gordon
	// Hale) is the actor, as the subject "he" stands for.
	{"Mr and a family name with no alias, uk-paper", []string{
		"Keir Starmer took office last night after Gordon Hale resigned.",
		"Mr Hale had spoken outside the hall shortly after 7pm. ‘I loved the work,’ he said."},
		[]newsQuote{{"I loved the work", "gordon-hale", ""}}},

	// A possessive relative ("His wife", "her father") is the other person
	// of the possessor's family name named before.
	{"his wife after a name of his family, uk-paper", []string{
		"Mr Tom Ashby left the hall with Sarah Ashby at his side.",
		"The couple walked to the car. His wife wrote online soon afterwards that they were leaving ‘with pride’."},
		[]newsQuote{{"with pride", "", "Sarah Ashby"}}},
	{"her husband, an actor of the family, us-politics", []string{
		"Joe Biden stayed in Washington on Friday.",
		"Jill Biden visited the school in Delaware. Her husband said the visit was “long overdue”."},
		[]newsQuote{{"long overdue", "joe-biden", ""}}},
	{"she after his wife is the one the wife is, uk-paper", []string{
		"Mr Tom Ashby left the hall with Sarah Ashby at his side.",
		"His wife wrote online that they were leaving. ‘Thank you to everyone who helped us,’ she wrote."},
		[]newsQuote{{"Thank you to everyone who helped us", "", "Sarah Ashby"}}},
	{"control: his wife with no one else of the family stays a description", []string{
		"Greg Abbott toured the town on Monday. His wife said the visit had been “very moving”."},
		[]newsQuote{{"very moving", "", "His wife"}}},
	{"control: his wife is no man of the family", []string{
		"Jill Biden and Joe Biden toured the town on Monday. Later Donald Trump spoke. His wife said the visit had been “very moving”."},
		[]newsQuote{{"very moving", "", "His wife"}}},

	// A relative introduced as someone's ("Ms. Ortiz's son, Leo") makes
	// the converse possessive ("His mother") the one named with "'s".
	{"his mother after a name's son, long-form", []string{
		"The water had been off for three days in the block on Elm Street.",
		"In the kitchen, Ms. Ortiz's son, Leo, asked whether the school would open. His mother laughed. “Honey, I can't tell you about Friday,” she said."},
		[]newsQuote{{"Honey, I can't tell you about Friday", "", "Ortiz"}}},
	{"her father after a name's daughter, wire", []string{
		"Rescuers reached the village late on Tuesday.",
		"Dariusz Nowak's daughter, 9, was carried out first. Her father said later: “I did not breathe until I saw her face.”"},
		[]newsQuote{{"I did not breathe until I saw her face.", "", "Nowak"}}},
	{"his mother after a name's son, an actor of the family of another gender, us-feature", []string{
		"Joe Biden flew over the flooded county on Thursday.",
		"At the shelter, Mrs. Biden's son, Sam, asked for a blanket. His mother said: “We left with what we were wearing.”"},
		[]newsQuote{{"We left with what we were wearing.", "", "Mrs. Biden"}}},
	{"control: his mother with no converse relative stays a description", []string{
		"Ms. Ortiz's sister, Ana, drove the truck. His mother said the road was “a river”."},
		[]newsQuote{{"a river", "", "His mother"}}},
	{"control: a son-in-law is no son", []string{
		"Ms. Ortiz's son-in-law drove the truck. His mother said the road was “a river”."},
		[]newsQuote{{"a river", "", "His mother"}}},

	// A title that a verb gives the person named before it ("became
	// prime minister", "was sworn in as governor") is that person's, as
	// a title before the name is.
	{"the prime minister after X became prime minister, uk-paper", []string{
		"Gordon Hale became prime minister last night after five days of talks.",
		"Mr Hale and Chuck Schumer will meet at noon. ‘We owe the country a calm week,’ the prime minister said."},
		[]newsQuote{{"We owe the country a calm week", "gordon-hale", ""}}},
	{"the governor after X was sworn in as governor, us-politics", []string{
		"Greg Abbott, 57, was sworn in as governor on Tuesday.",
		"Abbott and Chuck Schumer toured the levee. “We will rebuild every road,” the governor said."},
		[]newsQuote{{"We will rebuild every road", "greg-abbott", ""}}},
	// (The control's quote goes to the clause's subject, as with no
	// title bound; bound by "met", it would be Hale's.)
	{"control: a title after another verb is not the subject's, uk-paper", []string{
		"Gordon Hale met the prime minister last night after five days of talks.",
		"Chuck Schumer and Mr Hale will meet at noon. ‘We owe the country a calm week,’ the prime minister said."},
		[]newsQuote{{"We owe the country a calm week", "chuck-schumer", ""}}},

	// A person a paragraph just called by one title is not what another
	// title in it stands for: in a sketch or a hearing of two people, the
	// other one named before, who holds no other title, is.
	{"the Prime Minister after the Labour leader, uk-paper sketch", []string{
		"Rishi Sunak and Keir Starmer faced each other on Wednesday.",
		"The Labour leader opened with the cost of living. The Prime Minister answered with a list of figures. ‘We have halved inflation,’ he said."},
		[]newsQuote{{"We have halved inflation", "rishi-sunak", ""}}},
	{"the chairman after the senator, us-politics hearing", []string{
		"Jerome Powell faced Ted Cruz at the hearing on Tuesday.",
		"The senator pressed him on rates for ten minutes. The chairman said only that the Fed would “act when the data allow”."},
		[]newsQuote{{"act when the data allow", "jerome-powell", ""}}},
	{"the prime minister after a leader named in a phrase, uk-paper sketch", []string{
		"Rishi Sunak rose as Keir Starmer sat opposite.",
		"The opposition leader had promised his support in advance, and called the case ‘a strong one’.",
		"Mr Sunak looked across at the benches once, and then back at Mr Starmer. ‘This is the moment to act,’ the prime minister said."},
		[]newsQuote{{"a strong one", "keir-starmer", ""}, {"This is the moment to act", "rishi-sunak", ""}}},
	{"control: an object with no other title is what the title stands for", []string{
		"Chuck Schumer met Joe Biden at the White House on Tuesday. The president said the talks had been “productive”."},
		[]newsQuote{{"productive", "joe-biden", ""}}},
	{"the Prime Minister after the Labour leader, the other named with Mr., uk-paper", []string{
		"Mr. Rishi Sunak and Keir Starmer faced each other on Wednesday.",
		"The Labour leader opened with the cost of living. The Prime Minister answered with a list of figures. ‘We have halved inflation,’ he said."},
		[]newsQuote{{"We have halved inflation", "rishi-sunak", ""}}},
	{"control: a title of the same head is the same person", []string{
		"Rishi Sunak and Keir Starmer spoke on Wednesday.",
		"The Labour leader pressed on. The party leader said he wanted ‘a fair deal’."},
		[]newsQuote{{"a fair deal", "keir-starmer", ""}}},
	{"control: an age after a title is the same person", []string{
		"Keir Starmer watched as Boris Johnson arrived at noon.",
		"The Prime Minister took questions for an hour. The 59-year-old said he would ‘get on with the job’."},
		[]newsQuote{{"get on with the job", "boris-johnson", ""}}},

	// A title written before the name of someone who is no actor is
	// theirs in the article, wherever the name stands in its sentence.
	{"the judge after Judge and a name, court report", []string{
		"Judge Ann Hale, who sits without a jury, stopped the hearing to rebuke a channel that had filmed Mrs Ortiz, who had asked not to be shown. “If this happens again, someone will be in contempt,” the judge said."},
		[]newsQuote{{"If this happens again, someone will be in contempt", "", "Ann Hale"}}},
	{"the captain after Captain and a name, wire", []string{
		"Captain Li Wen Bo steered the ferry onto the sandbank, where coastguards led by Tom Reyes, who had flown in from the base, met it.",
		"“We did what we are trained to do,” the captain said."},
		[]newsQuote{{"We did what we are trained to do", "", "Li Wen Bo"}}},
	{"control: a title two people bear binds neither", []string{
		"Judge Ann Hale heard the first case. Judge Rob Kemp heard the second, and ruled for the city. “The law is clear,” the judge said."},
		[]newsQuote{{"The law is clear", "", "Rob Kemp"}}},

	// Two people joined by "and" as one subject are both antecedents of
	// a pronoun; the first named stays the speaker of a joint quote.
	{"she after a subject of two, the second a title and a family name, long-form", []string{
		"In Austin the mayor, Dana Whitfield, called the plan “a start”. That evening Mr. Cruz and Ms. Harris spoke by telephone and agreed, she said, to “work together on the levee”."},
		[]newsQuote{{"a start", "", "Dana Whitfield"}, {"work together on the levee", "kamala-harris", ""}}},
	{"control: a joint quote is the first named's, us-politics", []string{
		"In Austin the mayor, Dana Whitfield, spoke first. Cruz and Schumer called the deal “a good start”."},
		[]newsQuote{{"a good start", "ted-cruz", ""}}},

	// A generational suffix ends a full name after the family name: the
	// family name alone later is the person named in full.
	{"a family name after a name with Jr., us-politics", []string{
		"Senator John Hale Jr., who chairs the panel, opened the hearing on Tuesday.",
		"“We will have answers by Friday,” Mr. Hale said."},
		[]newsQuote{{"We will have answers by Friday", "", "John Hale Jr."}}},
	{"a family name after a name with III, newspaper", []string{
		"Capt. Dana Whitfield III, who flew the jet, told Congress that pay had fallen.",
		"Appearing with her crew, Captain Whitfield said: “Nobody wants this job now.”"},
		[]newsQuote{{"Nobody wants this job now.", "", "Dana Whitfield III"}}},

	// A sentence adverb before a name opening the clause is no part of
	// the name.
	{"later before a family name, uk-paper", []string{
		"Mr Tom Hale sat down. Later Hale said: ‘We are ready.’"},
		[]newsQuote{{"We are ready.", "", "Tom Hale"}}},
	{"then before a family name and a colon, long-form", []string{
		"Dana Ruiz sat down. Then Ruiz turned to the crowd: “We are ready.”"},
		[]newsQuote{{"We are ready.", "", "Ruiz"}}},
	{"meanwhile before a family name, partial quote, wire", []string{
		"Dana Ruiz sat down. Meanwhile Ruiz said that the town was “ready”."},
		[]newsQuote{{"ready", "", "Ruiz"}}},
	{"control: an adverb before a description", []string{
		"Greg Abbott left. Later a neighbour said: “We are ready.”"},
		[]newsQuote{{"We are ready.", "", "a neighbour"}}},

	// A given name that names a man or a woman almost always gives
	// someone who is no actor a gender for he and she.
	{"she skips a senator whose given name is a man's, us-politics hearing", []string{
		"Christine Ford testified for four hours on Thursday.",
		"Senator Patrick Ward of Vermont asked what she remembered most clearly. She said the laughter had been “the worst part”."},
		[]newsQuote{{"the worst part", "", "Christine Ford"}}},
	{"he skips a woman named by her given name, wire", []string{
		"Tom Reyes reached the mine at dawn. Maria Soto arrived an hour later. “We brought everyone up alive,” he said."},
		[]newsQuote{{"We brought everyone up alive", "", "Tom Reyes"}}},
	{"control: a given name borne by men and women fits either", []string{
		"Jordan Blake spoke first. “We are not finished,” she said."},
		[]newsQuote{{"We are not finished", "", "Jordan Blake"}}},

	// An attribution inverted between commas inside the sentence, before
	// a partial quote: "It was, said X, “…”".
	{"said and a name between commas before a partial quote, uk-paper", []string{
		"It was, said Ana Ruiz, “a disgrace from start to finish”."},
		[]newsQuote{{"a disgrace from start to finish", "", "Ana Ruiz"}}},
	{"said and an actor between commas, us-politics", []string{
		"Then, said Sen. Ted Cruz, the deal became “a betrayal of Texas”."},
		[]newsQuote{{"a betrayal of Texas", "ted-cruz", ""}}},
	{"control: a pronoun between commas keeps its person", []string{
		"Greg Abbott toured the levee. The repairs, he said, were “months away”."},
		[]newsQuote{{"months away", "greg-abbott", ""}}},

	// "said one, a retired teacher": the description in apposition to
	// "one" describes the speaker.
	{"said one and a description, wire", []string{
		"Residents of the valley were unconvinced. “We have heard that before,” said one, a retired teacher."},
		[]newsQuote{{"We have heard that before", "", "a retired teacher"}}},
	{"said another and a description with a phrase, long-form", []string{
		"“Nobody came for three days,” said another, a nurse from the next village."},
		[]newsQuote{{"Nobody came for three days", "", "a nurse from the next village"}}},
	{"control: said one official stays the description", []string{
		"“We are reviewing the footage,” said one official, speaking on condition of anonymity."},
		[]newsQuote{{"We are reviewing the footage", "", "one official"}}},

	// A party and state tag after a lawmaker's name, between commas or in
	// parentheses, is no name: the lawmaker before it speaks.
	{"a party tag between commas, us-politics wire", []string{
		"Sen. Tom Hale, R-Ohio, called the bill “dead on arrival.”"},
		[]newsQuote{{"dead on arrival.", "", "Tom Hale"}}},
	{"a party tag between commas, then she, us-politics", []string{
		"Sen. Ted Cruz, R-Texas, called the bill “a mistake.” Sen. Ana Ruiz, D-Mass., disagreed. “This bill will pass,” she said."},
		[]newsQuote{{"a mistake.", "ted-cruz", ""}, {"This bill will pass", "", "Ana Ruiz"}}},
	{"a party tag in parentheses with a full stop, us-politics", []string{
		"House Speaker Ana Ruiz (D-Calif.) said in a statement that the vote was “a win for families.”"},
		[]newsQuote{{"a win for families.", "", "Ana Ruiz"}}},
	{"control: a sentence closed in parentheses still ends there", []string{
		"The vote was close (it was.) Ana Ruiz said it was “a win”."},
		[]newsQuote{{"a win", "", "Ana Ruiz"}}},

	// A party and state tag makes "the <State> Republican" or "the
	// <State> Democrat" that lawmaker.
	{"the Ohio Republican after R-Ohio, us-politics", []string{
		"Sen. Tom Hale, R-Ohio, called the bill “dead on arrival.”",
		"White House press secretary Ben Okafor told reporters the president was “confident.” The Ohio Republican, who faces re-election next year, said he would “fight it to the end.”"},
		[]newsQuote{{"dead on arrival.", "", "Tom Hale"}, {"confident.", "", "Ben Okafor"}, {"fight it to the end.", "", "Tom Hale"}}},
	{"the Minnesota Democrat after (D-Minn.), us-politics", []string{
		"Rep. Dana Whitfield (D-Minn.) walked out. Ben Okafor stayed. The Minnesota Democrat called it “a farce.”"},
		[]newsQuote{{"a farce.", "", "Dana Whitfield"}}},
	{"the Texas Republican after an actor's tag, us-politics", []string{
		"Sen. Ted Cruz, R-Texas, spoke next. Later Greg Abbott arrived. The Texas Republican called it “a win.”"},
		[]newsQuote{{"a win.", "ted-cruz", ""}}},
	{"control: a tag binds its own party only", []string{
		"Sen. Tom Hale, R-Ohio, spoke first. Greg Abbott spoke after him. The Ohio Democrat called it “a win.”"},
		[]newsQuote{{"a win.", "greg-abbott", ""}}},

	// A capitalised possessor before a name modifies it: "Labour's Ana
	// Ruiz said" is Ruiz.
	{"a party's possessive before a name, uk-paper", []string{
		"Labour's Ana Ruiz said the cuts were ‘a scandal’."},
		[]newsQuote{{"a scandal", "", "Ana Ruiz"}}},
	{"a country's possessive before a name, wire", []string{
		"Russia's Ivan Petrov told reporters the offer was “not serious”."},
		[]newsQuote{{"not serious", "", "Ivan Petrov"}}},
	{"a country's possessive before a title and a name, wire", []string{
		"Russia's Deputy Foreign Minister Ivan Petrov said the talks were “over”."},
		[]newsQuote{{"over", "", "Ivan Petrov"}}},
	{"control: a name's possessive before a noun is a description", []string{
		"Trump's lawyer said the charges were “built on sand”."},
		[]newsQuote{{"built on sand", "", "Trump's lawyer"}}},

	// A live blog's stamp with am or pm glued on, or a label word, before
	// a colon is no speaker.
	{"a stamp with am glued on, live-blog", []string{
		"9.14am: Ana Ruiz has tweeted: “Proud of everyone who turned out today.”"},
		[]newsQuote{{"Proud of everyone who turned out today.", "", "Ana Ruiz"}}},
	{"a label word before a colon, live-blog", []string{
		"Mayor Ana Ruiz has closed the schools.",
		"Update: The mayor says the roads are “impassable”."},
		[]newsQuote{{"impassable", "", "Ana Ruiz"}}},
	{"control: a name before a colon is still a speaker, live-blog", []string{
		"Ana Ruiz: “We are not going anywhere.”"},
		[]newsQuote{{"We are not going anywhere.", "", "Ana Ruiz"}}},

	// A run of whole-paragraph quotes after a paragraph that a speaker's
	// quote ends goes on in that speaker's words, unless the paragraph
	// after the run attributes it.
	{"a run of quote paragraphs after her quote, long-form", []string{
		"Ana Ruiz, who runs the shelter, said the night had been long. “We had people sleeping in the corridors,” she said.",
		"“Some of them had walked for two days. We gave them what we had.",
		"“It was not enough.”",
		"Tom Hale, the council leader, disagreed."},
		[]newsQuote{{"We had people sleeping in the corridors", "", "Ana Ruiz"},
			{"Some of them had walked for two days. We gave them what we had.", "", "Ana Ruiz"},
			{"It was not enough.", "", "Ana Ruiz"}}},
	{"a quote paragraph ending the article, wire", []string{
		"“The water came up to the windows,” said Tom Hale, a farmer.",
		"“We will plant again in the spring.”"},
		[]newsQuote{{"The water came up to the windows", "", "Tom Hale"}, {"We will plant again in the spring.", "", "Tom Hale"}}},
	{"control: the next paragraph's attribution claims the run", []string{
		"“We had people sleeping in the corridors,” said Ana Ruiz.",
		"“It was not enough.”",
		"“We will do better,” Tom Hale replied."},
		[]newsQuote{{"We had people sleeping in the corridors", "", "Ana Ruiz"}, {"It was not enough.", "", "Tom Hale"}, {"We will do better", "", "Tom Hale"}}},
	{"control: a paragraph whose quote does not end it passes nothing on", []string{
		"“We had people sleeping in the corridors,” said Ana Ruiz. The council disagreed.",
		"“It was not enough.”",
		"The figures were published on Monday."},
		[]newsQuote{{"We had people sleeping in the corridors", "", "Ana Ruiz"}}},

	// A name in apposition to a description is the person its family name
	// stands for later; a name joined by "and" to a description or
	// another name opens the clause as its subject.
	{"a family name after a name in apposition, long-form", []string{
		"Maria Lopez met her lawyer, David Chen, at the courthouse. She said she was “ready for anything”.",
		"Chen was less sure. He told reporters the case would be “a long fight”."},
		[]newsQuote{{"ready for anything", "", "Maria Lopez"}, {"a long fight", "", "David Chen"}}},
	{"a name and her husband as the subject, wire", []string{
		"Ana Ruiz, the fire chief, spoke first.",
		"Sarah Okafor and her husband, Peter, lost their home in the fire. “We have nothing,” she said."},
		[]newsQuote{{"We have nothing", "", "Sarah Okafor"}}},
	{"control: a joint subject's pronoun is the first named, wire", []string{
		"Ana Ruiz, the fire chief, spoke first.",
		"Tom Hale and Ben Okafor lost their homes in the fire. “We have nothing,” he said."},
		[]newsQuote{{"We have nothing", "", "Tom Hale"}}},

	// A word after a determiner is no verb ("a red coat"), so the
	// description runs to the clause's verb.
	{"a description with a colour ending in -ed, wire", []string{
		"A woman in a red coat pushed to the front of the crowd.",
		"“Where is my son?” she shouted."},
		[]newsQuote{{"Where is my son?", "", "A woman in a red coat"}}},

	// An inverted sentence names its subject after "was": "Among them was
	// Ana Ruiz, a teacher."
	{"among them was a name, long-form", []string{
		"Tom Hale led the search. Among the volunteers was Ana Ruiz, a teacher. “You do what you can,” she said."},
		[]newsQuote{{"You do what you can", "", "Ana Ruiz"}}},
	{"beside him was a name, wire", []string{
		"Tom Hale spoke first. Beside him was Ana Ruiz. “It was terrifying,” she said."},
		[]newsQuote{{"It was terrifying", "", "Ana Ruiz"}}},
	{"control: a subject before was is no inversion", []string{
		"Tom Hale led the search. Among the volunteers, Ben Okafor was the first to arrive. “We walked all night,” he said."},
		[]newsQuote{{"We walked all night", "", "Ben Okafor"}}},

	// Colon introductions with no speech verb: "For X, the lesson is
	// simple:" is X's; "The verdict of the inspectors was damning:" and
	// "The warning from the Met Office was stark:" are their source's.
	{"for a name, the lesson is simple:, long-form", []string{
		"For Tom Hale, the lesson of the flood is simple: “Trust nobody.”"},
		[]newsQuote{{"Trust nobody.", "", "Tom Hale"}}},
	{"the verdict of a body was damning:, uk-paper", []string{
		"The verdict of the inspectors was damning: “The hospital failed its patients.”"},
		[]newsQuote{{"The hospital failed its patients.", "", "the inspectors"}}},
	{"the warning from a body was stark:, broadcast", []string{
		"The warning from the Met Office was stark: “Stay indoors.”"},
		[]newsQuote{{"Stay indoors.", "", "Met Office"}}},
	{"control: for a time, no speaker", []string{
		"For now, the mood in the town is calm: “We wait.”"},
		[]newsQuote{}},

	// "The former" and "the latter" are the first and the last of two
	// people the paragraph named in one sentence.
	{"the former, wire", []string{
		"Greg Abbott met Ted Cruz in Austin. The former said the talks had been “useful”."},
		[]newsQuote{{"useful", "greg-abbott", ""}}},
	{"the latter, us-politics", []string{
		"Greg Abbott met Ted Cruz in Austin. The latter said the talks had been “useful”."},
		[]newsQuote{{"useful", "ted-cruz", ""}}},
	{"control: the latter with one person named is nobody", []string{
		"Greg Abbott toured Austin. The latter said the talks had been “useful”."},
		[]newsQuote{}},

	// A title opening the next paragraph stands for the subject of the
	// paragraph before when that one named its last person in a phrase.
	{"the new prime minister after a name in a by-phrase, uk-paper", []string{
		"Keir Starmer arrived in Downing Street, having been congratulated by Joe Biden on the telephone.",
		"‘We will get to work,’ the new prime minister said."},
		[]newsQuote{{"We will get to work", "keir-starmer", ""}}},
	{"control: a title for the one met in the paragraph before", []string{
		"Chuck Schumer met Joe Biden at the White House on Tuesday.",
		"The president said the talks had been “productive”."},
		[]newsQuote{{"productive", "joe-biden", ""}}},

	// A straight single quote after a full stop opens a new sentence,
	// so the attribution between two quotes is not read as the start
	// of the second one's sentence.
	{"two straight single quotes around a title, uk-paper", []string{
		"Rishi Sunak spoke outside the church. 'We are numb,' the Prime Minister said. 'Today the whole nation grieves.'"},
		[]newsQuote{{"We are numb", "rishi-sunak", ""}, {"Today the whole nation grieves.", "rishi-sunak", ""}}},
	{"straight single quotes, he said, then a new quote, uk-paper", []string{
		"Keir Starmer left by the side door. 'It was a long night,' he said. 'We start again on Monday.'"},
		[]newsQuote{{"It was a long night", "keir-starmer", ""}, {"We start again on Monday.", "keir-starmer", ""}}},

	// A description of one person with a relative clause opens the
	// sentence as its subject, whatever the main verb after the clause;
	// "he" and "she" then stand for it, not for the person named before.
	{"he after a description with a who clause, newspaper", []string{
		"Greg Abbott inspected the levee on Friday.",
		"A retired engineer from Dayton who said he had built the pumps in the 1980s watched from the bank. “I never thought I would see them all running at once,” he said."},
		[]newsQuote{{"I never thought I would see them all running at once", "", "A retired engineer from Dayton"}}},
	{"she after a description with a whose clause, wire", []string{
		"Nancy Pelosi toured the flooded street on Sunday.",
		"A pharmacist whose shop had flooded twice in a year stood in the doorway. “We keep mopping,” she said."},
		[]newsQuote{{"We keep mopping", "", "A pharmacist"}}},
	{"he after an adverbial and a who clause, long-form", []string{
		"Chuck Schumer left before the end.",
		"Outside the hall afterwards, a retired postman from Cork who had queued since dawn was close to tears. “I came to see her win,” he said."},
		[]newsQuote{{"I came to see her win", "", "a retired postman from Cork"}}},
	{"she after an astronomer with a participle aside, live blog", []string{
		"2.20pm — Greg Abbott says the roads are clear.",
		"2.10pm — The coast went dark first. An astronomer from the state university, watching from the pier with pupils, said afterwards that she had waited years for it. “For a minute nobody spoke,” she said."},
		[]newsQuote{{"For a minute nobody spoke", "", "An astronomer from the state university"}}},
	{"control: two people with a who clause are no antecedent of she", []string{
		"Nancy Pelosi visited the ward. Two nurses who had worked through the night stood by the door. “We owe them more than thanks,” she said."},
		[]newsQuote{{"We owe them more than thanks", "nancy-pelosi", ""}}},

	// "X quoted Y as saying": the one quoted speaks, not the one who
	// passes the words on; "him" is not the subject of its own clause.
	{"quoted Mr. X as saying after the quote, us-politics", []string{
		"Greg Abbott left the meeting early.",
		"“We have ourselves to blame,” one senator who was in the room quoted Mr. Cruz as saying."},
		[]newsQuote{{"We have ourselves to blame", "ted-cruz", ""}}},
	{"quoted him as saying before a partial quote, wire", []string{
		"Ted Cruz spoke at a closed meeting on Tuesday. One senator quoted him as saying that the party had “lost its way”."},
		[]newsQuote{{"lost its way", "ted-cruz", ""}}},
	{"cited the minister as saying, wire", []string{
		"State television cited the defence minister as saying the talks were “over for now”."},
		[]newsQuote{{"over for now", "", "the defence minister"}}},
	// A description of one person of a body ("an official of the Port
	// Authority") is a person, an antecedent of "he"; so is one opening
	// the second clause of a compound sentence.
	{"he after an official of a named body, wire", []string{
		"Greg Abbott toured the port on Monday.",
		"An official of the Gulf Port Authority warned that the piers could flood again. “Stay off them tonight,” he said."},
		[]newsQuote{{"Stay off them tonight", "", "An official of the Gulf Port Authority"}}},
	{"he after a description opening the second clause, wire", []string{
		"Greg Abbott toured the port on Monday.",
		"The tide was still rising, and an official of the harbour board warned that the piers could flood again. “Stay off them,” he said."},
		[]newsQuote{{"Stay off them", "", "an official of the harbour board"}}},
	{"she after but a spokeswoman, newspaper", []string{
		"Chuck Schumer toured the county on Monday.",
		"The roads were shut, but a spokeswoman for the county said they would reopen. “We need one more day,” she said."},
		[]newsQuote{{"We need one more day", "", "a spokeswoman for the county"}}},
	{"control: an object after and is no subject", []string{
		"Greg Abbott toured the port on Monday. He thanked the crews, and a nurse who had worked all night. “We will be back,” he said."},
		[]newsQuote{{"We will be back", "greg-abbott", ""}}},
	{"control: a body itself is no antecedent of he", []string{
		"Greg Abbott toured the port on Monday. The Gulf Port Authority warned that the piers could flood. “Stay off them,” he said."},
		[]newsQuote{{"Stay off them", "greg-abbott", ""}}},
	// A title after "vice", "deputy", "lieutenant" … is another office:
	// the holder of that one is not "the governor" later.
	{"the governor after a lieutenant governor named last, us-politics", []string{
		"Greg Abbott came out on the steps. Lieutenant Governor Gordon Hale, introducing him, praised his record.",
		"The governor said he would not resign. “I will serve out my term,” he said."},
		[]newsQuote{{"I will serve out my term", "greg-abbott", ""}}},
	{"the governor said after a lieutenant governor, wire", []string{
		"Greg Abbott came out on the steps, and Lieutenant Governor Gordon Hale praised his record.",
		"“I will serve out my term,” the governor said."},
		[]newsQuote{{"I will serve out my term", "greg-abbott", ""}}},
	{"control: the lieutenant governor is that office's holder", []string{
		"Greg Abbott came out on the steps, and Lieutenant Governor Gordon Hale praised his record.",
		"“He will serve out his term,” the lieutenant governor said."},
		[]newsQuote{{"He will serve out his term", "gordon-hale", ""}}},
	{"control: quoting a document is no quoted speaker", []string{
		"“We are ready,” an aide to Greg Abbott said, quoting the plan."},
		[]newsQuote{{"We are ready", "", "an aide"}}},
}

// TestSentencesStraightSingleQuote checks that a straight single quote
// before a capital opens a sentence and that an elision does not.
func TestSentencesStraightSingleQuote(t *testing.T) {
	for _, tt := range []struct {
		p    string
		want int
	}{
		{"He said so. 'Today we grieve,' she said.", 2},
		{"It was loud in the '90s. Then it stopped.", 2},
		{"He stopped. '90s music played on.", 1},
		{"He stopped. 'em all, he said.", 1},
	} {
		if got := len(sentences(tt.p, nil)); got != tt.want {
			t.Errorf("%q: %d sentences, want %d", tt.p, got, tt.want)
		}
	}
}

func TestQuotesSpeakers(t *testing.T) {
	m := newsActors(t)
	for _, tt := range speakerTests {
		t.Run(tt.name, func(t *testing.T) {
			checkQuotes(t, "", Quotes(tt.paras, m), tt.want)
		})
	}
}

// TestQuotesSpeakerNames checks the speaker's name as written, where
// TestQuotesSpeakers checks only its last word.
func TestQuotesSpeakerNames(t *testing.T) {
	m := newsActors(t)
	for _, tt := range []struct{ para, want string }{
		// The possessive before a colon introduction is no part of the
		// name.
		{"Tom Hale’s response was blunt: “We will not back down.”", "Tom Hale"},
		{"Ana Ruiz's verdict on the plan: “It is dead.”", "Ana Ruiz"},
		// Control: an apostrophe inside a name stays.
		{"Tom O’Leary: “We are done.”", "Tom O’Leary"},
		// A group of someone's people is named with whom they belong
		// to (political copy, UK and US): "Allies of", "Aides to",
		// "friends of".
		{"Allies of Gordon Hale said the vote was ‘lost’.", "Allies of Gordon Hale"},
		{"Aides to Chuck Schumer said the bill was “dead for the year”.", "Aides to Chuck Schumer"},
		{"Friends of Tom Hale said he had ‘the numbers’.", "Friends of Tom Hale"},
		// A plural auxiliary before an "-ing" speech verb is no part of
		// the subject: "were telling", "had been saying".
		{"Friends of Tom Hale were telling reporters that he had ‘the numbers’.", "Friends of Tom Hale"},
		{"Aides to Chuck Schumer had been saying for weeks that the bill was “dead”.", "Aides to Chuck Schumer"},
		// Control: a plural noun that is no title stays a body's phrase.
		{"Officials said the count was “complete”.", "Officials"},
	} {
		got := Quotes([]string{tt.para}, m)
		if len(got) != 1 || got[0].SpeakerName != tt.want {
			var g []string
			for _, x := range got {
				g = append(g, x.Text+" ← "+x.SpeakerName)
			}
			t.Errorf("%q: got %q, want the name %q", tt.para, g, tt.want)
		}
	}
}

// TestQuotesTitledFamilyName checks that a title and a family name two
// actors share ("Governor Hale") stand for the one whose own spellings
// carry that title, as a mention and as the role "the governor" later;
// another title names neither.
func TestQuotesTitledFamilyName(t *testing.T) {
	var as []*model.Actor
	for _, x := range []struct{ slug, name, gender string }{
		{"tom-hale", "Tom Hale", "male"},
		{"anna-hale", "Anna Hale", "female"},
		{"rita-moss", "Rita Moss", "female"},
	} {
		a := actor("content/actors/"+x.slug+".md", x.slug, x.name, nil, nil)
		a.Kind, a.Gender = model.Person, x.gender
		as = append(as, a)
	}
	as[0].Aliases = []string{"Governor Tom Hale"}
	as[2].Aliases = []string{"Moss", "Lieutenant Governor Rita Moss"}
	m, _ := NewMatcher(as)
	for _, tt := range []struct {
		name  string
		paras []string
		want  []newsQuote
	}{
		{"the title and family name as speaker, uk-paper", []string{
			"In Albany, Governor Hale said that he and his wife had been ‘deeply moved’ by the letters."},
			[]newsQuote{{"deeply moved", "tom-hale", ""}}},
		{"the governor later, after a lieutenant governor, us-politics", []string{
			"The assembly censured Governor Hale on Friday.",
			"Lieutenant Governor Moss, introducing him, predicted that voters would forgive him.",
			"The governor said he would not resign. “I will serve out my term,” he said."},
			[]newsQuote{{"I will serve out my term", "tom-hale", ""}}},
		{"control: a title not among the actor's spellings", []string{
			"In Albany, Senator Hale said she would ‘fight on’."},
			[]newsQuote{{"fight on", "", "Hale"}}},
	} {
		checkQuotes(t, tt.name+": ", Quotes(tt.paras, m), tt.want)
	}
}
