import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ConsoleAuthDataAccess } from './console-auth-data-access';

describe('ConsoleAuthDataAccess', () => {
  let component: ConsoleAuthDataAccess;
  let fixture: ComponentFixture<ConsoleAuthDataAccess>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [ConsoleAuthDataAccess],
    }).compileComponents();

    fixture = TestBed.createComponent(ConsoleAuthDataAccess);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});
