/**
 * Names for the English-speaking countries, where faker's own lists mix in invented surnames
 * ("Mosciski", "Torphy"). These are common names among doctors there; faker still picks from them.
 */
export type NamePool = { female: string[]; male: string[]; last: string[] }

export const ENGLISH_NAMES: NamePool = {
  female: [
    'Amelia', 'Charlotte', 'Emily', 'Hannah', 'Sophie', 'Grace', 'Olivia', 'Rachel', 'Laura', 'Sarah',
    'Catherine', 'Eleanor', 'Megan', 'Rebecca', 'Jessica', 'Aisha', 'Priya', 'Fatima', 'Mei', 'Naomi',
    'Claire', 'Fiona', 'Siobhan', 'Aoife', 'Chloe', 'Zara', 'Anjali', 'Abigail', 'Ruth', 'Helen',
    'Maria', 'Nadia', 'Imogen', 'Lucy', 'Joanna', 'Yasmin', 'Harriet', 'Esther', 'Kate', 'Anna',
  ],
  male: [
    'James', 'Oliver', 'Thomas', 'William', 'Daniel', 'Benjamin', 'Samuel', 'Matthew', 'Andrew', 'David',
    'Michael', 'Christopher', 'Joseph', 'Edward', 'Henry', 'Adam', 'Omar', 'Rahul', 'Arjun', 'Hassan',
    'Patrick', 'Conor', 'Liam', 'Ciaran', 'Ethan', 'Nathan', 'Imran', 'Wei', 'Kwame', 'Jonathan',
    'Robert', 'Peter', 'Simon', 'Mark', 'Luke', 'Rory', 'Sanjay', 'Tobias', 'Felix', 'George',
  ],
  last: [
    'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Roberts',
    'Johnson', 'Walker', 'Wright', 'Robinson', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall',
    'Patel', 'Khan', 'Shah', 'Singh', 'Ahmed', 'Ali', 'Chowdhury', 'Rahman', 'Iyer', 'Mehta',
    'Murphy', "O'Brien", 'Kelly', 'Byrne', 'Walsh', 'Ryan', "O'Connor", 'McCarthy', 'Doyle', 'Gallagher',
    'Nguyen', 'Chen', 'Wang', 'Kim', 'Park', 'Lee', 'Tan', 'Wong', 'Liu', 'Zhang',
    'Garcia', 'Martinez', 'Rodriguez', 'Lopez', 'Hernandez', 'Okafor', 'Mensah', 'Adeyemi', 'Cohen', 'Katz',
    'Anderson', 'Campbell', 'Stewart', 'Morrison', 'Fraser', 'MacLeod', 'Clarke', 'Bennett', 'Foster', 'Mitchell',
  ],
}
