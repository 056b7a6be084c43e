//! Golden block and sentence tables for small fixture pages written by the team: what the cleaner
//! keeps, what it classifies as chrome, and how the splitter cuts. Review changes with
//! `cargo insta review`.

mod common;

use common::*;

fn render(file: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = extract(&[&format!("tests/fixtures/{file}")], &out);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut s = String::new();
    for r in read_table(&out.join("blocks.csv")).rows {
        s += &format!("B {:>4} {:>4} {:<11} {:<24} {}\n", r["start"], r["end"], r["kind"], r["rule"], r["text"].replace('\n', "⏎"));
    }
    for r in read_table(&out.join("sentences.csv")).rows {
        s += &format!("S {:>4} {:>4} {:<8} {}\n", r["start"], r["end"], r["kind"], r["text"].replace('\n', "⏎"));
    }
    let d = &documents(&out)[file];
    s += &format!("D title={} published={} ({}) outlet={} byline={}\n", d["title"], d["published"], d["published_from"], d["outlet"], d["byline"]);
    s
}

#[test]
fn wire_story_with_dateline_caption_signature_and_trailer() {
    insta::assert_snapshot!(render("wire_dateline.txt"));
}

#[test]
fn hard_wrapped_paragraph_subhead_and_english_copyright() {
    insta::assert_snapshot!(render("wrapped_lines.txt"));
}

#[test]
fn caption_datelines_and_credits_and_broadcast_signoffs() {
    insta::assert_snapshot!(render("caption_credits.txt"));
}

#[test]
fn promotion_links_of_the_outlet_are_chrome_but_arrowed_body_lines_are_not() {
    insta::assert_snapshot!(render("promo_links.txt"));
}

#[test]
fn broadcast_tip_slogan_and_bracketed_contact_lines_are_footer() {
    insta::assert_snapshot!(render("broadcast_tips.txt"));
}

#[test]
fn noun_style_headline_above_the_date_page_tools_and_a_funding_note() {
    insta::assert_snapshot!(render("noun_headline_tools.txt"));
}

#[test]
fn outlet_brackets_with_and_without_a_reporter_and_source_trailers() {
    insta::assert_snapshot!(render("outlet_brackets.txt"));
}

#[test]
fn photo_credits_stock_agencies_and_a_paragraph_above_an_uncaptioned_photo() {
    insta::assert_snapshot!(render("photo_credits_without_caption.txt"));
}

#[test]
fn a_row_of_skip_links_and_account_links_is_a_menu_not_the_headline() {
    insta::assert_snapshot!(render("skip_links_row.txt"));
}
