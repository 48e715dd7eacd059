"""Date ranges as resumes write them, with the months they cover.

Each row: (text, first month "YYYY-MM", last month "YYYY-MM" or "present").
A bare year covers the whole year; a season its three months; "present" is TODAY's month.
"""

from datetime import date

TODAY = date(2024, 6, 15)

DATE_RANGES: list[tuple[str, str, str]] = [
    ("Aug 2007 to Current", "2007-08", "present"),
    ("2015/07 -", "2015-07", "present"),
    ("03/2019 - Present", "2019-03", "present"),
    ("2018-2021", "2018-01", "2021-12"),
    ("Jan. 2020 \u2013 Mar. 2022", "2020-01", "2022-03"),
    ("2019 \u2014 now", "2019-01", "present"),
    ("Summer 2018", "2018-06", "2018-08"),
    ("06/2015 to 08/2017", "2015-06", "2017-08"),
    ("2012 - 2014", "2012-01", "2014-12"),
    ("September 2010 to Present", "2010-09", "present"),
    ("March 2012 till date", "2012-03", "present"),
    ("Oct 2021 - to date", "2021-10", "present"),
    ("Feb 2023 \u2013 ongoing", "2023-02", "present"),
    ("Jan 2020 \u2013 Currently", "2020-01", "present"),
    ("July 2011 to November 2012", "2011-07", "2012-11"),
    ("CompanyNameJuly 2011 to November 2012 Accountant", "2011-07", "2012-11"),
    ("Assistant Manager I 03/2016 to Current", "2016-03", "present"),
    ("Tenure:March 2012 Till dateIam", "2012-03", "present"),
    ("2010\u20132012", "2010-01", "2012-12"),
    ("1999 \u2014 2003", "1999-01", "2003-12"),
    ("Jan \u2013 Mar 2022", "2022-01", "2022-03"),
    ("Aug '07 - Jun '09", "2007-08", "2009-06"),
    ("Aug \u201907 \u2013 Present", "2007-08", "present"),
    ("since March 2012", "2012-03", "present"),
    ("Since 2020", "2020-01", "present"),
    ("Fall 2016 - Spring 2018", "2016-09", "2018-05"),
    ("Autumn 2019", "2019-09", "2019-11"),
    ("06/15/2015 - 08/20/2017", "2015-06", "2017-08"),
    ("2015.06 - 2016.09", "2015-06", "2016-09"),
    ("2015-07 \u2013 2016-03", "2015-07", "2016-03"),
    ("2019 to date", "2019-01", "present"),
    ("Jan 2020 - 2021", "2020-01", "2021-12"),
    ("Sept 2019 \u2013 Dec 2019", "2019-09", "2019-12"),
    ("September, 2010 - May, 2012", "2010-09", "2012-05"),
    ("Dec 2018 through Feb 2020", "2018-12", "2020-02"),
    ("May 2017 until June 2018", "2017-05", "2018-06"),
    ("Nov. 2014 thru Apr. 2016", "2014-11", "2016-04"),
    ("1/2018 - 12/2019", "2018-01", "2019-12"),
    ("04.2016 \u2013 10.2018", "2016-04", "2018-10"),
    ("2017 ~ 2019", "2017-01", "2019-12"),
    ("Mar 2021 - Present Day", "2021-03", "present"),
    ("Software Engineer | Acme Corp | Jan 2020 - Present", "2020-01", "present"),
    ("Senior Analyst, Globex (2016 \u2013 2019)", "2016-01", "2019-12"),
    ("JUNE 2013 - AUGUST 2015", "2013-06", "2015-08"),
    ("april 2009 to may 2010", "2009-04", "2010-05"),
    ("Jun 2022 - Current Date", "2022-06", "present"),
    ("2021 \u2013", "2021-01", "present"),
    ("Feb2019-Mar2020", "2019-02", "2020-03"),
]

# Text that holds a year but no range.
NOT_RANGES: list[str] = [
    "May 2019",
    "Graduated 2015",
    "Grammar 2019 award",
    "Call 555-123-4567",
    "Windows 2008 Server",
    "Increased revenue by 2015 units",
]
