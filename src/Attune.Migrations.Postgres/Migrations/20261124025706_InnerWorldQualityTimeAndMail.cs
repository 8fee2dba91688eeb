using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Attune.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InnerWorldQualityTimeAndMail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_marks",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    mark = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    marked_by = table.Column<Guid>(type: "uuid", nullable: false),
                    marked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_marks", x => new { x.couple_id, x.activity_key });
                });

            migrationBuilder.CreateTable(
                name: "activity_plans",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    title = table.Column<byte[]>(type: "bytea", nullable: false),
                    planned_date = table.Column<DateOnly>(type: "date", nullable: true),
                    planned_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    memory = table.Column<byte[]>(type: "bytea", nullable: true),
                    added_by = table.Column<Guid>(type: "uuid", nullable: false),
                    done_by = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_plans", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "calendar_links",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_calendar_links", x => x.user_id);
                    table.ForeignKey(
                        name: "fk_calendar_links_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "AspNetUsers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "desire_marks",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    adult_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    marks = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_desire_marks", x => new { x.couple_id, x.user_id });
                });

            migrationBuilder.CreateTable(
                name: "desire_switches",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_desire_switches", x => x.couple_id);
                });

            migrationBuilder.CreateTable(
                name: "evening_sessions",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_by = table.Column<Guid>(type: "uuid", nullable: false),
                    first_reader_id = table.Column<Guid>(type: "uuid", nullable: false),
                    second_reader_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evening_sessions", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "gazing_reflections",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    author_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gazing_reflections", x => new { x.couple_id, x.session_id, x.author_id });
                });

            migrationBuilder.CreateTable(
                name: "gazing_sessions",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_by = table.Column<Guid>(type: "uuid", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ends_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gazing_sessions", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "outgoing_mails",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    subject = table.Column<string>(type: "text", nullable: false),
                    body = table.Column<string>(type: "text", nullable: false),
                    unsubscribe_url = table.Column<string>(type: "text", nullable: true),
                    message_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_mails", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "personal_goal_shares",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    goal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<byte[]>(type: "bytea", nullable: false),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_goal_shares", x => new { x.couple_id, x.goal_id });
                });

            migrationBuilder.CreateTable(
                name: "personal_goals",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    title = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_goals", x => new { x.user_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "personal_logs",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    goal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    minutes = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_personal_logs", x => new { x.user_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "quiz_items",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    answer = table.Column<byte[]>(type: "bytea", nullable: true),
                    guess = table.Column<byte[]>(type: "bytea", nullable: true),
                    mark = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_items", x => new { x.couple_id, x.round_id, x.question_id });
                });

            migrationBuilder.CreateTable(
                name: "quiz_rounds",
                columns: table => new
                {
                    couple_id = table.Column<Guid>(type: "uuid", nullable: false),
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    guesser_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    guessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quiz_rounds", x => new { x.couple_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "reminder_settings",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question = table.Column<bool>(type: "boolean", nullable: false),
                    check_in = table.Column<bool>(type: "boolean", nullable: false),
                    rituals = table.Column<bool>(type: "boolean", nullable: false),
                    quiet_from = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    quiet_until = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    last_digest_on = table.Column<DateOnly>(type: "date", nullable: true),
                    secret = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reminder_settings", x => x.user_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_plans_couple_id_planned_date",
                table: "activity_plans",
                columns: new[] { "couple_id", "planned_date" });

            migrationBuilder.CreateIndex(
                name: "ix_calendar_links_token_hash",
                table: "calendar_links",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_evening_sessions_couple_id_started_at",
                table: "evening_sessions",
                columns: new[] { "couple_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_gazing_sessions_couple_id_started_at",
                table: "gazing_sessions",
                columns: new[] { "couple_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mails_state_next_attempt_at",
                table: "outgoing_mails",
                columns: new[] { "state", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_mails_user_id",
                table: "outgoing_mails",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_personal_logs_user_id_date",
                table: "personal_logs",
                columns: new[] { "user_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_quiz_rounds_couple_id_subject_id_created_at",
                table: "quiz_rounds",
                columns: new[] { "couple_id", "subject_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_marks");

            migrationBuilder.DropTable(
                name: "activity_plans");

            migrationBuilder.DropTable(
                name: "calendar_links");

            migrationBuilder.DropTable(
                name: "desire_marks");

            migrationBuilder.DropTable(
                name: "desire_switches");

            migrationBuilder.DropTable(
                name: "evening_sessions");

            migrationBuilder.DropTable(
                name: "gazing_reflections");

            migrationBuilder.DropTable(
                name: "gazing_sessions");

            migrationBuilder.DropTable(
                name: "outgoing_mails");

            migrationBuilder.DropTable(
                name: "personal_goal_shares");

            migrationBuilder.DropTable(
                name: "personal_goals");

            migrationBuilder.DropTable(
                name: "personal_logs");

            migrationBuilder.DropTable(
                name: "quiz_items");

            migrationBuilder.DropTable(
                name: "quiz_rounds");

            migrationBuilder.DropTable(
                name: "reminder_settings");
        }
    }
}
